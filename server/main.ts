/**
 * `npm run server -- [--host H] [--port 30003] [--players 2] [--words FILE]
 * [--lang en|uk] [--turn-seconds 60] [--seat-grace 60] [--bot-delay 1000] [--max-rooms 10000]
 * [--new-rooms-per-minute 5] …`: parses
 * flags, loads the words, starts the server.
 */
import { UsageError, custom, hostPort, integer, oneOf, parseFlagsOrExit, port, string } from '../node/flags.js';
import { timestampedLog } from '../node/log-lines.js';
import { defaultWordFile, loadWords } from './word-files.js';
import { LANGS, type Lang } from '../protocol/catalog.js';
import { DEFAULT_PORT, MAX_CONNECTIONS, MAX_PER_ADDRESS, SEAT_GRACE_SECONDS, TRUSTED_ADDRESSES, createGameServer } from './server.js';
import { MAX_ROOMS } from './rooms.js';
import { DEFAULT_LOBBY_LIMITS } from './lobby.js';
import { BOT_DELAY_MS } from './bots.js';

const USAGE = `usage: npm run server -- [--host HOST] [--port ${DEFAULT_PORT}] [--players 2] [--words FILE] [--lang en|uk] [--turn-seconds 60] [--seat-grace ${SEAT_GRACE_SECONDS}] [--bot-delay ${BOT_DELAY_MS}] [--max-rooms ${MAX_ROOMS}] [--new-rooms-per-minute ${DEFAULT_LOBBY_LIMITS.newRoomsPerMinute}] [--max-connections ${MAX_CONNECTIONS}] [--max-per-address ${MAX_PER_ADDRESS}] [--trust ADDRESS]… [--redis redis://HOST:PORT [--advertise HOST:PORT]]`;

const flags = parseFlagsOrExit(
  process.argv.slice(2),
  {
    host: string(),
    port: port({ default: DEFAULT_PORT }),
    players: integer({ min: 1, max: 100, default: 2 }),
    words: string(),
    lang: oneOf(LANGS, { default: 'en' }),
    'turn-seconds': integer({ min: 0, max: 86_400, default: 60 }),
    'seat-grace': integer({ min: 0, max: 86_400, default: SEAT_GRACE_SECONDS }),
    'bot-delay': integer({ min: 0, max: 60_000, default: BOT_DELAY_MS }),
    'max-rooms': integer({ min: 1, default: MAX_ROOMS }),
    'new-rooms-per-minute': integer({ min: 1, default: DEFAULT_LOBBY_LIMITS.newRoomsPerMinute }),
    'max-connections': integer({ min: 1, default: MAX_CONNECTIONS }),
    'max-per-address': integer({ min: 1, default: MAX_PER_ADDRESS }),
    trust: string({ repeated: true }),
    redis: custom(redisUrl),
    advertise: hostPort(),
  },
  USAGE,
);

/** `--redis redis://HOST:PORT` (or `rediss://` for TLS), as Redis clients take it. */
function redisUrl(raw: string, flag: string): string {
  if (!/^rediss?:\/\/\S+$/.test(raw)) throw new UsageError(`${flag} must be a URL like redis://127.0.0.1:6379 (got "${raw}")`);
  return raw;
}

function formatHostPort({ host, port }: { host: string; port: number }): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// Lines of one turn of the event loop leave in one write: a busy server logs several a game.
const log = timestampedLog(process.stdout);

async function main(): Promise<void> {
  if (flags.advertise !== undefined && flags.redis === undefined) {
    process.stderr.write(`--advertise is the address other processes of a cluster reach this one at: it needs --redis\n${USAGE}\n`);
    process.exit(2);
  }
  let words: string[];
  // A room plays the --words file in either language; without one, the built-in list of its language.
  let wordsFor: (lang: Lang) => readonly string[];
  try {
    if (flags.words) {
      const list = await loadWords(flags.words);
      words = list;
      wordsFor = () => list;
    } else {
      const lists = { en: await loadWords(defaultWordFile('en')), uk: await loadWords(defaultWordFile('uk')) };
      words = lists[flags.lang];
      wordsFor = (lang) => lists[lang];
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  let server;
  try {
    server = await createGameServer({
      host: flags.host,
      port: flags.port,
      players: flags.players,
      words,
      wordsFor,
      lang: flags.lang,
      turnSeconds: flags['turn-seconds'],
      seatGraceSeconds: flags['seat-grace'],
      botDelayMs: flags['bot-delay'],
      lobbyLimits: { maxRooms: flags['max-rooms'], newRoomsPerMinute: flags['new-rooms-per-minute'] },
      maxConnections: flags['max-connections'],
      maxPerAddress: flags['max-per-address'],
      // A gateway on another machine: trust its address as loopback is trusted.
      trustedAddresses: flags.trust.length > 0 ? [...TRUSTED_ADDRESSES, ...flags.trust] : undefined,
      // Every process given the same Redis is part of one server (docs/SCALING.md).
      cluster: flags.redis === undefined ? undefined : { redis: flags.redis, advertise: flags.advertise && formatHostPort(flags.advertise) },
      log,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const { host, port } = server.address();
  // `*:PORT` as ss and netstat show a socket bound to every interface.
  const shown = host === '::' || host === '0.0.0.0' ? '*' : host.includes(':') ? `[${host}]` : host;
  const turn = flags['turn-seconds'] === 0 ? 'no turn clock' : `${flags['turn-seconds']} s a turn`;
  process.stdout.write(
    `word-guess server listening on ${shown}:${port}: ${flags.players} players per game, language ${flags.lang}, ${turn}, ${words.length} words\n` +
      (flags.redis ? `part of the cluster in ${flags.redis}\n` : '') +
      `join with: telnet localhost ${port}   (or: nc localhost ${port}, npm run client -- --port ${port})\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping, telling players`);
    server.close().then(() => {
      log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
