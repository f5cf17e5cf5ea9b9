/**
 * `npm run chaos -- --seconds N --clients K [--redis URL]`: K bots over TCP and through
 * the gateway play, misbehave and come back for N seconds against a fresh server (with
 * --redis: two servers in one cluster) and gateway on 127.0.0.1; then the afterwards conditions are checked. Prints a stats
 * line every 2 s and a report; exits 1 when a condition failed.
 */
import { integer, parseFlagsOrExit, string } from '../node/flags.js';
import { runChaos } from './chaos-run.js';

const USAGE = 'usage: npm run chaos -- [--seconds 20] [--clients 50] [--redis redis://HOST:PORT (two servers in one cluster)]';
const flags = parseFlagsOrExit(
  process.argv.slice(2),
  {
    seconds: integer({ min: 1, max: 86_400, default: 20 }),
    clients: integer({ min: 1, max: 5000, default: 50 }),
    redis: string(),
  },
  USAGE,
);

const started = Date.now();
const report = await runChaos({ seconds: flags.seconds, clients: flags.clients, redis: flags.redis, log: (line) => console.log(line) });
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const { before, after } = report;
console.log(`chaos: ${flags.clients} clients for ${flags.seconds} s (${((Date.now() - started) / 1000).toFixed(0)} s with the drain)`);
console.log(`  sessions ${report.sessions} (TCP ${report.tcp}, WebSocket ${report.ws}), HTTP probes ${report.httpProbes}, garbage sends ${report.garbageLines}`);
console.log(`  games seen started ${report.gamesStarted}, ended with GAME_OVER ${report.gamesOver}; sessions cut by the bot ${report.abandoned}, by the server or gateway ${report.cutByServer}; lost games ${report.lostGames}`);
console.log(`  tables: started ${after.server.started}, finished ${after.server.finished}, discarded ${after.server.discarded}, waiting ${after.server.waiting}, playing ${after.server.playing}`);
console.log(`  open afterwards: server connections ${after.server.connections}, gateway pairs ${after.gateway.connections}, TCP sockets in the process ${after.resources.TCPSocketWrap ?? 0}`);
console.log(`  heap ${mb(before.heapUsed)} before, ${mb(after.heapUsed)} after (after GC); RSS ${mb(before.rss)} before, ${mb(after.rss)} after`);
console.log(`  a new game after the chaos, over TCP and WebSocket: ${report.finalGame ? 'played to the end' : 'FAILED'}`);
for (const p of report.problems) console.log(`  PROBLEM: ${p}`);
console.log(report.problems.length === 0 ? 'chaos: passed' : 'chaos: FAILED');
process.exit(report.problems.length === 0 ? 0 : 1);
