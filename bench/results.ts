/** The shape of one bench run's results: what main.ts measures and report.ts prints. */
import type { BotLevel } from '../game/strategy.js';
import type { RoomsResult } from './rooms-phase.js';

export type RelayName = 'direct' | 'gateway' | 'bare-relay' | 'websockify';

export interface RelayRow {
  readonly target: RelayName;
  readonly clients: number;
  /** Lines in flight per client (1 = strict closed loop). */
  readonly window: number;
  readonly connected: number;
  readonly dropped: number;
  readonly linesPerSec: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  /** linesPerSec / direct TCP's at the same clients and window. */
  readonly ratio: number;
  /** CPU share the relay process (or the echo server, for direct) used while measured; 1 = one full core. */
  readonly relayCpu: number;
  /** CPU share the load generator used while measured. */
  readonly clientCpu: number;
  /** CPU time of the relay process per line relayed, µs. */
  readonly cpuPerLineUs: number;
}

export interface MemoryPoint {
  readonly wanted: number;
  readonly held: number;
  readonly rss: number;
}

export interface MemoryResult {
  readonly target: 'gateway' | 'bare-relay';
  /** RSS after start and a short warm-up, before the idle connections. */
  readonly baseline: number;
  readonly points: MemoryPoint[];
  /** Bytes per idle WebSocket: (RSS at the largest point − baseline) / held there. */
  readonly perConnection: number;
  /** Bytes per idle WebSocket between the two points (the slope, without start-up costs). */
  readonly perConnectionSlope: number;
  readonly maxHeld: number;
  readonly failed: number;
}

export interface ServerRow {
  readonly players: number;
  readonly mode: 'flat out' | 'paced';
  readonly thinkMs: number;
  readonly connected: number;
  readonly movesPerSec: number;
  readonly gamesPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rss: number;
  /** Server CPU time per move, µs. */
  readonly cpuPerMoveUs: number;
  /** Server CPU share while measured; 1 = one full core. */
  readonly serverCpu: number;
  /** CPU share of the bots' process while measured. */
  readonly botsCpu: number;
}

/** One level of computer players, measured by simulation over a whole word list. */
export interface LevelRow {
  readonly level: BotLevel;
  /** Share of two-player games won against each other level (each word twice: each side starts once). */
  readonly winsAgainst: Readonly<Partial<Record<BotLevel, number>>>;
  /** Letters named that were not in the word, per word, playing alone. */
  readonly missesPerWord: number;
  /** Moves per game, playing alone. */
  readonly movesPerGame: number;
  /** CPU time of one move, µs: median and 99th percentile. */
  readonly medianMoveMicros: number;
  readonly p99MoveMicros: number;
}

export interface LevelResults {
  readonly lang: string;
  readonly words: number;
  readonly rows: readonly LevelRow[];
}

export interface TargetCheck {
  readonly name: string;
  readonly goal: string;
  readonly value: string;
  /** null: could not be measured in this run. */
  readonly met: boolean | null;
}

export interface Results {
  readonly meta: {
    readonly date: string;
    readonly quick: boolean;
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly os: string;
    readonly node: string;
    readonly ws: string;
    readonly websockify: string | null;
    readonly pinned: boolean;
    readonly openFiles: string;
    /** 1, 5 and 15 minute load averages before the bench started and when it ended. */
    readonly loadAverage: number[];
    readonly loadAverageAtEnd: number[];
    readonly seconds: number;
  };
  readonly relay: RelayRow[];
  readonly memory: MemoryResult[];
  readonly server: ServerRow[];
  /** Computer players, per language. */
  readonly bots: LevelResults[];
  /** Absent when the cluster phase did not run. */
  readonly cluster?: ClusterResult;
  /** Rooms: memory, rooms opened per second, games in rooms against public tables (absent when not measured). */
  readonly rooms?: RoomsResult;
  readonly web: { readonly ok: true; readonly files: { name: string; bytes: number; gzip: number }[]; readonly bytes: number; readonly gzip: number } | { readonly ok: false; readonly reason: string };
  readonly notes: string[];
  readonly targets: TargetCheck[];
}

/** One way of carrying a player's line to the owner of its table and back. */
export interface TransportRow {
  /** direct: the owner alone (the baseline); tcp: the cluster's relay; pubsub: through Redis. */
  readonly mode: 'direct' | 'tcp' | 'pubsub';
  readonly clients: number;
  readonly window: number;
  readonly linesPerSec: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU of the program (relay and owner together) per line, µs. */
  readonly cpuPerLineUs: number;
  readonly redisCpuPerLineUs: number;
  readonly redisCommandsPerLine: number;
}

/** The same paced game load against one process or a cluster of several. */
export interface ClusterLoadRow {
  readonly processes: number;
  readonly players: number;
  readonly connected: number;
  readonly thinkMs: number;
  readonly movesPerSec: number;
  readonly joinsPerSec: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU of every server process per move, µs. */
  readonly cpuPerMoveUs: number;
  readonly redisCpuPerMoveUs: number;
  readonly redisCommandsPerMove: number;
  /** Commands per player seated, the idle heartbeats taken out. */
  readonly redisCommandsPerJoin: number;
  readonly redisIdleCommandsPerSec: number;
}

export interface ClusterResult {
  readonly transports: TransportRow[];
  readonly load: ClusterLoadRow[];
}
