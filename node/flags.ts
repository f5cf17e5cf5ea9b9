/**
 * The one flag parser for the project's `main.ts` files, built on Node's
 * `util.parseArgs`.
 *
 * parseArgs splits the command line (`--name value`, `--name=value`, `--`); this
 * module adds what it lacks: a kind per flag (string, port, integer, one of a set,
 * boolean, or a parser of the caller's) that checks the value, and messages that
 * say what was wrong and what is allowed. A bad command line throws UsageError;
 * parseFlagsOrExit prints it with the usage and exits 2.
 */
import { parseArgs } from 'node:util';
import { GAME_PORT } from './ports.js';

/** A command line the program cannot run with; the caller prints it with a usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What parseArgs collected for one flag: undefined when absent. */
type Raw = string | boolean | (string | boolean)[] | undefined;

/** One declared flag, producing a value of type T. */
export interface Flag<T> {
  /** 'boolean' for a switch that takes no value. */
  readonly type: 'string' | 'boolean';
  /** May be given more than once (the values are collected in order). */
  readonly multiple: boolean;
  /** Turns what parseArgs collected into the value; throws UsageError on a bad value. */
  read(raw: Raw, flag: string): T;
}

/** A value parser for one kind of flag: returns the value or throws UsageError. */
export type Parse<V> = (raw: string, flag: string) => V;

/** The options every flag with a value takes. */
export type ValueOptions<V> = { default?: V; repeated?: false } | { default?: V[]; repeated: true };

// Overloads give `V` without `undefined` when there is a default, and `V[]` when repeated.
/** A flag whose value `parse` reads, e.g. `custom(parseTarget, { default: … })`. */
export function custom<V>(parse: Parse<V>, opts: { repeated: true; default?: V[] }): Flag<V[]>;
export function custom<V>(parse: Parse<V>, opts: { default: V }): Flag<V>;
export function custom<V>(parse: Parse<V>, opts?: { default?: V }): Flag<V | undefined>;
export function custom<V>(parse: Parse<V>, opts: ValueOptions<V> = {}): Flag<unknown> {
  if (opts.repeated) {
    const initial = opts.default ?? [];
    return {
      type: 'string',
      multiple: true,
      read: (raw, flag) => (raw === undefined ? [...initial] : (raw as string[]).map((r) => parse(r, flag))),
    };
  }
  return { type: 'string', multiple: false, read: (raw, flag) => (raw === undefined ? opts.default : parse(raw as string, flag)) };
}

const parseString: Parse<string> = (raw, flag) => {
  if (raw === '') throw new UsageError(`${flag} needs a value that is not empty`);
  return raw;
};

function parseInteger(min: number, max: number): Parse<number> {
  return (raw, flag) => {
    // Only plain decimal digits: Number() would also take "1e3", "0x10" and " 7".
    const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
      throw new UsageError(`${flag} must be ${range} (got "${raw}")`);
    }
    return n;
  };
}

/** A text value, e.g. `--host 127.0.0.1`. */
export function string(opts: { repeated: true; default?: string[] }): Flag<string[]>;
export function string(opts: { default: string }): Flag<string>;
export function string(opts?: { default?: string }): Flag<string | undefined>;
export function string(opts: ValueOptions<string> = {}): Flag<unknown> {
  return custom(parseString, opts as { default?: string });
}

/** A TCP port, 0–65535 (0 lets the system choose one). */
export function port(opts: { default: number }): Flag<number>;
export function port(opts?: { default?: number }): Flag<number | undefined>;
export function port(opts: { default?: number } = {}): Flag<number | undefined> {
  return custom(parseInteger(0, 65535), opts);
}

/** A host and a TCP port to connect to. */
export interface HostPort {
  host: string;
  port: number;
}

/** Reads `HOST:PORT` (`[::1]:PORT` for IPv6); the port is 1–65535. */
export const parseHostPort: Parse<HostPort> = (raw, flag) => {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(raw);
  if (!m) throw new UsageError(`${flag} must be HOST:PORT, e.g. 127.0.0.1:${GAME_PORT} (got "${raw}")`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) throw new UsageError(`${flag} port must be from 1 to 65535 (got ${m[3]})`);
  return { host: m[1] ?? m[2], port };
};

/** An address to connect to, `HOST:PORT`, e.g. `--target 127.0.0.1:PORT`. */
export function hostPort(opts: { repeated: true; default?: HostPort[] }): Flag<HostPort[]>;
export function hostPort(opts: { default: HostPort }): Flag<HostPort>;
export function hostPort(opts?: { default?: HostPort }): Flag<HostPort | undefined>;
export function hostPort(opts: ValueOptions<HostPort> = {}): Flag<unknown> {
  return custom(parseHostPort, opts as { default?: HostPort });
}

/** A whole number from `min` (default 1, i.e. positive) to `max`. */
export function integer(opts: { min?: number; max?: number; default: number }): Flag<number>;
export function integer(opts?: { min?: number; max?: number; default?: number }): Flag<number | undefined>;
export function integer(opts: { min?: number; max?: number; default?: number } = {}): Flag<number | undefined> {
  return custom(parseInteger(opts.min ?? 1, opts.max ?? Number.MAX_SAFE_INTEGER), { default: opts.default });
}

/** One of a fixed set of words, e.g. `--lang en|uk`. */
export function oneOf<const V extends string>(values: readonly V[], opts: { default: NoInfer<V> }): Flag<V>;
export function oneOf<const V extends string>(values: readonly V[], opts?: { default?: NoInfer<V> }): Flag<V | undefined>;
export function oneOf<const V extends string>(values: readonly V[], opts: { default?: V } = {}): Flag<V | undefined> {
  const parse: Parse<V> = (raw, flag) => {
    if ((values as readonly string[]).includes(raw)) return raw as V;
    throw new UsageError(`${flag} must be one of ${values.join(', ')} (got "${raw}")`);
  };
  return custom(parse, opts);
}

/** A switch that takes no value: present means true. */
export function boolean(): Flag<boolean> {
  return { type: 'boolean', multiple: false, read: (raw) => raw === true };
}

/** A flag spec: flag names without `--`, each with its kind. */
export type FlagSpec = Record<string, Flag<unknown>>;

/** The parsed values of a flag spec, one property per declared flag. */
export type Parsed<S extends FlagSpec> = { [K in keyof S]: S[K] extends Flag<infer T> ? T : never };

/** parseArgs' tokens, as far as the checks read them. */
type Token =
  | { kind: 'option'; name: string; rawName: string; index: number; value?: string; inlineValue?: boolean }
  | { kind: 'positional'; value: string }
  | { kind: 'option-terminator' };

/** Splits argv with parseArgs, not strict: the checks below give messages that name the flag. */
function split(argv: readonly string[], spec: FlagSpec): { values: Record<string, Raw>; tokens: Token[] } {
  const options = Object.fromEntries(Object.entries(spec).map(([name, f]) => [name, { type: f.type, multiple: f.multiple }]));
  const { values, tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  return { values, tokens: tokens as Token[] };
}

/** Throws UsageError for what parseArgs accepts when not strict and the spec does not. */
function check(argv: readonly string[], tokens: readonly Token[], spec: FlagSpec): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`unexpected argument "${token.value}"`);
    if (token.kind === 'option-terminator') throw new UsageError('unexpected argument "--"');
    const flag = token.rawName;
    // Short flags ("-p", "-abc") are not used by any program here.
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${argv[token.index]}"`);
    if (!Object.hasOwn(spec, token.name)) throw new UsageError(`unknown flag ${flag}`);
    const def = spec[token.name];
    if (seen.has(token.name) && !def.multiple) throw new UsageError(`${flag} was given more than once`);
    seen.add(token.name);
    if (def.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value`);
    } else if (token.value === undefined || (token.inlineValue === false && token.value.startsWith('--'))) {
      // A following "--x" is the next flag, not this one's value.
      throw new UsageError(`${flag} needs a value`);
    }
  }
}

/**
 * Parses `argv` (usually `process.argv.slice(2)`) against `spec`. Throws UsageError
 * for unknown flags, missing or bad values, a single-valued flag given twice, and
 * stray arguments.
 */
export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S): Parsed<S> {
  const { values, tokens } = split(argv, spec);
  check(argv, tokens, spec);
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(spec)) out[name] = def.read(values[name], `--${name}`);
  return out as Parsed<S>;
}

/** Whether the command line asks for help (`--help`, when the spec has no flag of that name). */
export function wantsHelp(argv: readonly string[], spec: FlagSpec): boolean {
  if (Object.hasOwn(spec, 'help')) return false;
  return split(argv, spec).tokens.some((t) => t.kind === 'option' && t.rawName === '--help');
}

/**
 * parseFlags for a `main.ts`: `--help` prints the usage and exits 0; a UsageError
 * prints the message and the usage on stderr and exits 2.
 */
export function parseFlagsOrExit<S extends FlagSpec>(argv: readonly string[], spec: S, usage: string): Parsed<S> {
  if (wantsHelp(argv, spec)) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseFlags(argv, spec);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n${usage}\n`);
    process.exit(2);
  }
}
