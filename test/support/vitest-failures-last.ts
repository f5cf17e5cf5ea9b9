/**
 * A Vitest reporter that repeats, as the run's very last lines, which tests failed
 * (file › suite › test, and the first line of the error), after the default
 * reporter's details and summary: a long failing run still names its failures
 * where a person, or a log cut to its tail, looks first.
 */
import type { Reporter, TestModule } from 'vitest/node';

type Failure = { where: string; why: string };

/** The first line of an error message, shortened to fit a terminal line. */
function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line.trim();
}

export default class FailuresLast implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    const failures: Failure[] = [];
    for (const module of testModules) {
      const file = module.relativeModuleId;
      for (const e of module.errors()) failures.push({ where: file, why: firstLine(e.message) });
      for (const suite of module.children.allSuites()) {
        for (const e of suite.errors()) failures.push({ where: `${file} › ${suite.fullName}`, why: firstLine(e.message) });
      }
      for (const test of module.children.allTests('failed')) {
        const result = test.result();
        const why = result.state === 'failed' ? firstLine(result.errors[0]?.message) : '';
        failures.push({ where: `${file} › ${test.fullName.replaceAll(' > ', ' › ')}`, why });
      }
    }
    for (const e of unhandledErrors) failures.push({ where: 'an error outside any test', why: firstLine(e.message) });
    if (failures.length === 0) return;
    const lines = failures.map((f) => `  ✗ ${f.where}${f.why ? `\n      ${f.why}` : ''}`);
    process.stdout.write(`\nFailed (${failures.length}), repeated from above:\n${lines.join('\n')}\n`);
  }
}
