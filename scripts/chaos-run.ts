/**
 * Chaos against a real game server and gateway (scripts/chaos-target.ts, a child
 * process): K bots over TCP and over WebSockets join, play, send garbage, stop
 * reading, vanish at random moments and come back, for N seconds. Then the bots
 * that are still in a game play it out, everyone leaves, and the afterwards
 * conditions are checked: both services still up and serving a new game, no
 * table stuck, memory back near its start, no socket left open.
 *
 * Every loop is bounded in count and in time; everything started is stopped by
 * its own handle. Traffic goes to 127.0.0.1 only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { readLines } from '../node/lines.js';
import type { TargetReply, TargetRequest, TargetStats } from './chaos-target.js';

export interface ChaosOptions {
  seconds: number;
  clients: number;
  /** A line every few seconds while the chaos runs. Default: none. */
  log?: (line: string) => void;
  /** Seeded for a run that can be repeated. Default Math.random. */
  random?: () => number;
  /** Run the target as a cluster of two game servers sharing this Redis (docs/SCALING.md). Default: one server. */
  redis?: string;
}

export interface ChaosReport {
  sessions: number;
  /** Sessions by transport. */
  tcp: number;
  ws: number;
  /** Games that bots saw start, and saw end with GAME_OVER. */
  gamesStarted: number;
  gamesOver: number;
  /** Sessions a bot cut itself at a random moment. */
  abandoned: number;
  /** Sessions the server or the gateway closed before GAME_OVER (limits, timeouts, refusals). */
  cutByServer: number;
  garbageLines: number;
  /** Honest bots whose game started and who stayed, but saw no GAME_OVER: lost games. */
  lostGames: number;
  /** HTTP probes: static files, traversal attempts, slow headers. */
  httpProbes: number;
  /** The closing game over TCP and WebSocket after the chaos. */
  finalGame: boolean;
  before: TargetStats;
  after: TargetStats;
  /** Afterwards conditions that failed; empty means the run passed. */
  problems: string[];
  /** Lines the target logged as problems (server or gateway errors). */
  targetLog: string[];
}

const NAMES = ['Ann', 'Bob', 'The game is over!', '/quit', 'Turn: Ann', 'Word: cat', '\x1b[31mRed\x1b[0m', 'Ａｎｎ', 'Аnn', 'x'.repeat(40), 'Zoë', '\u202egnp.exe'];
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz'];
/** Time a bot may spend in one session before it gives up on it (a bound, not a timing check). */
const SESSION_CAP_MS = 90_000;
/** After the chaos, time for games in progress to end. */
const DRAIN_CAP_MS = 60_000;

type Behaviour = 'honest' | 'garbage' | 'quitter' | 'nonreader' | 'silent' | 'http';

/** Runs the chaos and checks the afterwards conditions. */
export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const random = opts.random ?? Math.random;
  const log = opts.log ?? (() => {});
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const target = await startTarget(opts.redis);
  const report: ChaosReport = {
    sessions: 0, tcp: 0, ws: 0, gamesStarted: 0, gamesOver: 0, abandoned: 0, cutByServer: 0, garbageLines: 0,
    lostGames: 0, httpProbes: 0, finalGame: false, before: undefined!, after: undefined!, problems: [], targetLog: target.log,
  };
  try {
    // A first game warms up the code paths, so the memory baseline is not the cold start.
    report.finalGame = await finalGame(target);
    report.before = await target.stats(true);
    const deadline = Date.now() + opts.seconds * 1000;
    let draining = false;
    const ticker = setInterval(async () => {
      const s = await target.stats(false);
      log(`stats: connections ${s.server.connections} server, ${s.gateway.connections} gateway; tables waiting ${s.server.waiting}, playing ${s.server.playing}, started ${s.server.started}, finished ${s.server.finished}, discarded ${s.server.discarded}; heap ${mb(s.heapUsed)}`);
    }, 2000);

    async function bot(n: number): Promise<void> {
      // A bounded number of sessions per bot, each bounded in time.
      for (let round = 0; round < 10_000 && Date.now() < deadline; round++) {
        const behaviour = pick<Behaviour>(['honest', 'honest', 'honest', 'honest', 'garbage', 'garbage', 'quitter', 'quitter', 'nonreader', 'silent', 'http']);
        if (behaviour === 'http') {
          report.httpProbes++;
          await httpProbe(target.gatewayPort, pick(['/', '/index.html', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwindows', '/healthz', 'slow']));
          continue;
        }
        const ws = random() < 0.5;
        report.sessions++;
        report[ws ? 'ws' : 'tcp']++;
        await session(n, behaviour, ws);
        await new Promise((resolve) => setTimeout(resolve, random() * 200));
      }
    }

    async function session(n: number, behaviour: Behaviour, overWs: boolean): Promise<void> {
      const link = overWs ? wsLink(target.gatewayPort) : tcpLink(target.serverPorts[Math.floor(random() * target.serverPorts.length)]);
      const tried = new Set<string>();
      let started = false;
      let over = false;
      let cutByUs = false;
      let gaveUp = false;
      /** `bound`: the session outlived its time bound, not a chaos move. */
      const cut = (bound = false) => {
        if (!cutByUs) gaveUp = bound;
        cutByUs = true;
        link.destroy();
      };
      const garbage = () => {
        report.garbageLines++;
        link.garbage(random);
      };
      link.onLine = (line) => {
        if (line === 'The game has started!') started = true;
        if (line === 'The game is over!') over = true;
        if (line !== '/turn') return;
        if (behaviour === 'garbage' && random() < 0.3) garbage();
        if (random() < 0.05) return link.send(`/word ${pick(['apple', 'banana', 'kiwi', 'pear'])}`);
        const fresh = ALPHABET.filter((c) => !tried.has(c));
        const letter = fresh.length > 0 ? pick(fresh) : 'a';
        tried.add(letter);
        link.send(`/letter ${letter}`);
      };
      const timers: NodeJS.Timeout[] = [];
      const later = (ms: number, fn: () => void) => void timers.push(setTimeout(fn, ms));
      if (!(await link.opened)) {
        report.cutByServer++;
        return;
      }
      if (behaviour !== 'silent') link.send(n % 7 === 0 ? pick(NAMES) : `bot${n}`);
      if (behaviour === 'garbage') for (let i = 0; i < 5; i++) later(random() * 3000, garbage);
      if (behaviour === 'quitter') later(random() * 4000, () => cut());
      if (behaviour === 'nonreader') {
        link.stopReading();
        later(1000 + random() * 5000, () => cut());
      }
      // Past the chaos deadline only honest bots in a started game play on, until the drain cap.
      const stopper = setInterval(() => {
        if (Date.now() < deadline) return;
        if (draining) return cut(true);
        if (behaviour !== 'honest' || !started) cut();
      }, 100);
      later(SESSION_CAP_MS, () => cut(true));
      await link.closed;
      clearInterval(stopper);
      for (const t of timers) clearTimeout(t);
      if (started) report.gamesStarted++;
      if (over) report.gamesOver++;
      if (cutByUs) report.abandoned++;
      else if (!over) report.cutByServer++;
      // An honest bot leaves a started game only at GAME_OVER, or when the game outlived every bound.
      if (behaviour === 'honest' && started && !over && (!cutByUs || gaveUp)) report.lostGames++;
    }

    const bots = Array.from({ length: opts.clients }, (_, i) => bot(i));
    const all = Promise.all(bots);
    let drainTimer: NodeJS.Timeout | undefined;
    const drained = new Promise<void>((resolve) => (drainTimer = setTimeout(resolve, opts.seconds * 1000 + DRAIN_CAP_MS)));
    await Promise.race([all, drained.then(() => (draining = true))]);
    draining = true;
    await all;
    clearTimeout(drainTimer);
    clearInterval(ticker);

    // Afterwards: every connection gone, on both sides, and nothing stuck.
    const settled = await target.until((s) => s.server.connections === 0 && s.gateway.connections === 0 && (s.resources.TCPSocketWrap ?? 0) === 0, 20_000);
    if (!settled) report.problems.push('connections were still open 20 s after the last bot left');
    // Seats kept for vanished bots run out after the seat grace; then no table may be left waiting or playing.
    await target.until((s) => s.server.waiting === 0 && s.server.playing === 0, 20_000);
    report.finalGame = await finalGame(target);
    if (!report.finalGame) report.problems.push('the server and the gateway did not serve a new game after the chaos');
    await target.until((s) => s.server.connections === 0 && s.gateway.connections === 0, 10_000);
    report.after = await target.stats(true);
    const a = report.after;
    if (a.server.connections !== 0) report.problems.push(`server still holds ${a.server.connections} connection(s)`);
    if (a.gateway.connections !== 0) report.problems.push(`gateway still holds ${a.gateway.connections} pair(s)`);
    if ((a.resources.TCPSocketWrap ?? 0) !== 0) report.problems.push(`${a.resources.TCPSocketWrap} TCP socket(s) still open in the target`);
    if (a.server.playing !== 0 || a.server.waiting !== 0) report.problems.push(`tables stuck: ${a.server.playing} playing, ${a.server.waiting} waiting`);
    if (a.server.finished + a.server.discarded < a.server.started) report.problems.push('a started table was neither finished nor discarded');
    if (report.lostGames > 0) report.problems.push(`${report.lostGames} game(s) lost: an honest bot's game started and never ended`);
    // Near where it started: within 50% plus 20 MB of the warmed-up heap.
    const limit = report.before.heapUsed * 1.5 + 20 * 1024 * 1024;
    if (a.heapUsed > limit) report.problems.push(`heap ${mb(a.heapUsed)} after vs ${mb(report.before.heapUsed)} before`);
    if (target.log.length > 0) report.problems.push(`the target logged errors: ${target.log.slice(0, 3).join(' | ')}`);
    if (target.exited) report.problems.push('the target process exited during the chaos');
    return report;
  } finally {
    await target.stop();
  }
}

/** One TCP player and one WebSocket player (plus a third seat) play a whole game. */
async function finalGame(target: Target): Promise<boolean> {
  // In a cluster the two TCP players reach two different processes.
  const ports = target.serverPorts;
  const links = [tcpLink(ports[0]), wsLink(target.gatewayPort), tcpLink(ports[ports.length - 1])];
  let overs = 0;
  links.forEach((link, i) => {
    const tried = new Set<string>();
    link.onLine = (line) => {
      if (line === 'The game is over!') overs++;
      if (line !== '/turn') return;
      const letter = ALPHABET.find((c) => !tried.has(c)) ?? 'a';
      tried.add(letter);
      link.send(`/letter ${letter}`);
    };
    void link.opened.then((ok) => ok && link.send(`final${i}`));
  });
  const timer = setTimeout(() => links.forEach((l) => l.destroy()), 60_000);
  await Promise.all(links.map((l) => l.closed));
  clearTimeout(timer);
  return overs === links.length;
}

/** A line connection over TCP or through the gateway, with the same face. */
interface Link {
  /** True once connected; false when the connection failed. */
  opened: Promise<boolean>;
  closed: Promise<void>;
  onLine: (line: string) => void;
  send(line: string): void;
  garbage(random: () => number): void;
  stopReading(): void;
  destroy(): void;
}

function tcpLink(port: number): Link {
  const socket = net.connect({ host: '127.0.0.1', port });
  const link: Link = {
    opened: new Promise((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
    }),
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
    onLine: () => {},
    send: (line) => void (socket.writable && socket.write(line + '\n')),
    garbage(random) {
      if (!socket.writable) return;
      const kind = Math.floor(random() * 4);
      if (kind === 0) socket.write(Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))));
      else if (kind === 1) socket.write('x'.repeat(1025 + Math.floor(random() * 3000)) + '\n');
      else if (kind === 2) socket.write('\x1b]0;pwned\x07/letter \x1b[2Jq\r\n\xff\xfb\x01/word \u202eabc\n');
      else socket.write('/turn\n/quit\n/\n/letter\n/word\n/nope x\n');
    },
    stopReading: () => void socket.pause(),
    destroy: () => void socket.destroy(),
  };
  socket.on('error', () => {});
  readLines(socket, (l) => link.onLine(l.text), { maxLineBytes: 1 << 20, maxUnterminatedBytes: 1 << 22 });
  return link;
}

function wsLink(port: number): Link {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: `http://127.0.0.1:${port}` });
  const link: Link = {
    opened: new Promise((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('error', () => resolve(false));
      ws.once('unexpected-response', () => resolve(false));
    }),
    closed: new Promise((resolve) => ws.once('close', () => resolve())),
    onLine: () => {},
    send: (line) => void (ws.readyState === ws.OPEN && ws.send(line)),
    garbage(random) {
      if (ws.readyState !== ws.OPEN) return;
      const kind = Math.floor(random() * 5);
      if (kind === 0) ws.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]), { binary: true });
      else if (kind === 1) ws.send('x'.repeat(1025 + Math.floor(random() * 3000)));
      else if (kind === 2) ws.send('/letter a\n/word injected');
      else if (kind === 3) ws.send('\x1b[31m/letter \x1b]0;t\x07e');
      else ws.send('/quit');
    },
    stopReading: () => ws.pause(),
    destroy: () => ws.terminate(),
  };
  ws.on('error', () => {});
  ws.on('message', (data, isBinary) => {
    if (!isBinary) link.onLine(String(data));
  });
  return link;
}

/** One HTTP request to the gateway; `slow` sends half a request and waits to be cut off. */
function httpProbe(port: number, path: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => socket.destroy(), 10_000);
    socket.on('error', () => {});
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on('data', () => {});
    socket.once('connect', () => {
      if (path === 'slow') socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
      else socket.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
  });
}

interface Target {
  /** The game servers' ports: one, or one per process of a cluster. */
  serverPorts: number[];
  gatewayPort: number;
  log: string[];
  exited: boolean;
  stats(gc: boolean): Promise<TargetStats>;
  /** Polls the stats until `ok` holds or `ms` pass; true if it held. */
  until(ok: (s: TargetStats) => boolean, ms: number): Promise<boolean>;
  stop(): Promise<void>;
}

async function startTarget(redis?: string): Promise<Target> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./chaos-target.ts', import.meta.url)), redis ? ['--redis', redis] : [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const log: string[] = [];
  const waiting: ((s: TargetStats) => void)[] = [];
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const ready = new Promise<{ serverPorts: number[]; gatewayPort: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the chaos target exited (${code}) before it was ready`)));
    child.on('message', (msg: TargetReply) => {
      if (msg.type === 'ready') resolve(msg);
      else if (msg.type === 'stats') waiting.shift()?.(msg.stats);
      else log.push(msg.line);
    });
  });
  const { serverPorts, gatewayPort } = await ready;
  const request = (msg: TargetRequest) => child.send(msg);
  const target: Target = {
    serverPorts,
    gatewayPort,
    log,
    get exited() {
      return exited;
    },
    stats(gc) {
      return new Promise((resolve, reject) => {
        if (exited) return reject(new Error('the chaos target has exited'));
        waiting.push(resolve);
        request({ type: 'stats', gc });
      });
    },
    async until(ok, ms) {
      const end = Date.now() + ms;
      for (;;) {
        if (ok(await target.stats(false))) return true;
        if (Date.now() > end) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (exited) return;
      request({ type: 'stop' });
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(kill);
    },
  };
  return target;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
