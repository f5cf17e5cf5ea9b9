/**
 * `node --import tsx bench/fast-path.ts [--rounds 3] [--docs]`: the gateway with
 * its own framing of server lines (gateway/under-ws.ts) on and off, and the bare
 * relay, side by side in one run, as bench/main.ts measures relays: closed loop,
 * C clients with `window` lines in flight, interleaved rounds, the relay alone on
 * CPU 1. Prints a Markdown table; --docs writes it into its own section of
 * docs/BENCHMARKS.md (a full `npm run bench` keeps that section).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as flag from '../node/flags.js';
import { Histogram } from './histogram.js';
import { runLineLoad } from './line-load.js';
import { canPin, pinSelf, startService, type Service } from './procs.js';
import { FAST_PATH_HEADING, spliceSection } from './report.js';
import { Reading } from './util.js';

const opts = flag.parseFlagsOrExit(
  process.argv.slice(2),
  { rounds: flag.integer({ min: 1, max: 20, default: 3 }), docs: flag.boolean() },
  'usage: node --import tsx bench/fast-path.ts [--rounds 3] [--docs]',
);
const TSX = ['--import', 'tsx'];
const pinned = canPin() && pinSelf(0);
const loadBefore = os.loadavg()[0];
const services: Service[] = [];

async function start(name: string, args: string[], cpu: number | undefined): Promise<Service> {
  const service = await startService(name, process.execPath, [...TSX, ...args], { cpu, cwd: process.cwd(), portPattern: /listening on (?:http:\/\/)?\S*?:(\d+)/ });
  services.push(service);
  return service;
}

// The echo server shares the load generator's CPU, so each relay has CPU 1 to itself.
const echo = await start('echo server', ['test/support/echo-server.ts'], pinned ? 0 : undefined);
const relay = pinned ? 1 : undefined;
const targets = [
  { name: 'gateway, own frames (as shipped)', service: await start('gateway', ['bench/gateway-variant.ts', '--target', `127.0.0.1:${echo.port}`, '--frames-under-ws', 'on'], relay), path: '/ws' },
  { name: 'gateway, every line through ws.send', service: await start('gateway', ['bench/gateway-variant.ts', '--target', `127.0.0.1:${echo.port}`, '--frames-under-ws', 'off'], relay), path: '/ws' },
  { name: 'bare relay', service: await start('bare relay', ['bench/bare-relay.ts', '--target', `127.0.0.1:${echo.port}`], relay), path: '/' },
];

const rows = ['| relay | C | window | lines/s | × bare relay | p99 ms | relay CPU µs/line |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
/** CPU µs a line of the first two targets at window 16, per C: what the summary quotes. */
const window16: { clients: number; own: number; plain: number }[] = [];
for (const clients of [1, 50, 500]) {
  for (const window of [1, 16]) {
    const acc = targets.map(() => ({ lines: 0, seconds: 0, hist: new Histogram(), cpu: 0 }));
    for (let round = 0; round < opts.rounds; round++) {
      for (let k = 0; k < targets.length; k++) {
        const i = (k + round) % targets.length;
        const t = targets[i];
        const cpu = new Reading(() => t.service.cpu());
        const r = await runLineLoad({
          transport: 'ws-text',
          port: t.service.port,
          path: t.path,
          clients,
          window,
          warmupMs: 300,
          durationMs: 1500,
          connectTimeoutMs: 30_000,
          onMeasure: cpu.mark,
        });
        acc[i].lines += r.lines;
        acc[i].seconds += r.seconds;
        acc[i].hist.merge(r.hist);
        acc[i].cpu += cpu.rise;
      }
    }
    const bare = acc[targets.length - 1];
    const cpuPerLine = acc.map((a) => (a.cpu / a.lines) * 1e6);
    if (window === 16) window16.push({ clients, own: cpuPerLine[0], plain: cpuPerLine[1] });
    targets.forEach((t, i) => {
      const a = acc[i];
      const rate = a.lines / a.seconds;
      const ratio = rate / (bare.lines / bare.seconds);
      rows.push(`| ${t.name} | ${clients} | ${window} | ${Math.round(rate).toLocaleString('en').replaceAll(',', ' ')} | ${ratio.toFixed(2)} | ${a.hist.quantile(0.99).toFixed(2)} | ${cpuPerLine[i].toFixed(1)} |`);
    });
    process.stderr.write(`  C = ${clients}, window ${window}: done\n`);
  }
}
await Promise.all(services.map((s) => s.stop()));

const saved = window16.map((w) => `${Math.round((1 - w.own / w.plain) * 100)} %`).join(', ');
const section = `${FAST_PATH_HEADING}

Measured on ${new Date().toISOString().slice(0, 10)} by \`node --import tsx bench/fast-path.ts --rounds ${opts.rounds} --docs\`, all in one
run: the gateway as shipped, which frames whole server lines itself and writes them
underneath \`ws\` (\`gateway/under-ws.ts\`), against the same gateway with that off
(\`framesUnderWs: false\`: every line decoded, then sent with \`ws.send\`), and the
bare relay. Closed loop as in the relay table above, ${opts.rounds} interleaved rounds of 1.5 s
a cell; ${pinned ? 'each relay alone on CPU 1, the load generator and the echo server on CPU 0' : 'no CPU pinning'}.
Load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after${loadBefore > 1 ? ': the machine was shared, so lines/s and p99 jump between runs; CPU a line moves least' : ''}.

${rows.join('\n')}

With a window of 16 lines, framing them itself saves the gateway ${saved} of its CPU a
line (C = ${window16.map((w) => w.clients).join(', ')}), so it is kept. With one line in flight there is nothing to batch
and nothing for it to save: those cells trade places from run to run on a shared machine.
What it relies on in \`ws\` is checked by \`gateway/under-ws.test.ts\`.
`;
process.stdout.write(section);
if (opts.docs) {
  const page = new URL('../docs/BENCHMARKS.md', import.meta.url);
  writeFileSync(page, spliceSection(readFileSync(page, 'utf8'), section, '## What was changed for speed'));
  process.stderr.write('wrote its section of docs/BENCHMARKS.md\n');
}
process.exit(0);
