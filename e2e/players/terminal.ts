/** The project's terminal client (clients/terminal/main.ts) as a child process, driven through its stdin. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAs } from '../../protocol/index.js';
import { LinePlayer, LineQueue } from './line-player.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export class TerminalPlayer extends LinePlayer {
  protected queue = new LineQueue();
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  private errors = new LineQueue();

  constructor(private readonly port: number) {
    super();
  }

  /** What the client said on stderr (its own remarks). */
  get stderr(): readonly string[] {
    return this.errors.lines;
  }

  /** Starts `clients/terminal/main.ts --port P --name NAME` and waits until it is seated. */
  async join(name: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'clients/terminal/main.ts', '--port', String(this.port), '--name', name], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdin!.on('error', () => {});
    this.queue = LineQueue.from(child.stdout!);
    this.errors = LineQueue.from(child.stderr!);
    this.exit = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    await this.joined(name);
  }

  /** The client prints messages only: our turn is the TURN_OF line with our name. */
  async waitForTurn(): Promise<void> {
    await this.queue.take((l) => parseAs('TURN_OF', l)?.fields.name === this.name, this.who, `TURN_OF ${this.name}`);
  }

  /** One character is a letter, more a word: the client makes the command. */
  protected sendMove(_kind: 'letter' | 'word', value: string): void {
    this.child?.stdin!.write(value + '\n');
  }

  /** The client's exit code. */
  exited(): Promise<number | null> {
    return this.exit;
  }

  kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
