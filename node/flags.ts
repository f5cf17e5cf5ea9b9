/**
 * A small typed flag parser for the project's `main.ts` files.
 *
 * Flags are `--name value` or `--name=value`; booleans take no value. Each flag
 * is declared with a kind (string, port, integer, enum, boolean) that parses and
 * validates its value, so a bad flag stops the program with a message that says
 * what was wrong and what is allowed.
 */

/** A command line the program cannot run with; the caller prints it with a usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One declared flag, producing a value of type T. */
export interface Flag<T> {
  /** False for a boolean flag, which takes no value. */
  readonly takesValue: boolean;
  /** May be given more than once (the values are collected). */
  readonly repeated: boolean;
  /** The value when the flag is absent. */
  initial(): T;
  /** Folds one occurrence into the value so far; throws UsageError on a bad value. */
  apply(previous: T, raw: string, flag: string): T;
}

/** A value parser for one kind of flag: returns the value or throws UsageError. */
type Parse<V> = (raw: string, flag: string) => V;

interface SingleOptions<V> {
  default?: V;
}

// Overloads give `T` without `undefined` when there is a default, and `T[]` when repeated.
function valueFlag<V>(parse: Parse<V>, opts: { repeated: true }): Flag<V[]>;
function valueFlag<V>(parse: Parse<V>, opts: { default: V }): Flag<V>;
function valueFlag<V>(parse: Parse<V>, opts?: SingleOptions<V>): Flag<V | undefined>;
function valueFlag<V>(parse: Parse<V>, opts: { default?: V; repeated?: boolean } = {}): Flag<unknown> {
  if (opts.repeated) {
    return {
      takesValue: true,
      repeated: true,
      initial: () => [],
      apply: (prev, raw, flag) => [...(prev as V[]), parse(raw, flag)],
    };
  }
  return { takesValue: true, repeated: false, initial: () => opts.default, apply: (_prev, raw, flag) => parse(raw, flag) };
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
      throw new UsageError(`${flag} must be ${range}, got "${raw}"`);
    }
    return n;
  };
}

/** A text value, e.g. `--host 127.0.0.1`. */
export function string(opts: { repeated: true }): Flag<string[]>;
export function string(opts: { default: string }): Flag<string>;
export function string(opts?: SingleOptions<string>): Flag<string | undefined>;
export function string(opts: { default?: string; repeated?: boolean } = {}): Flag<unknown> {
  return valueFlag(parseString, opts as SingleOptions<string>);
}

/** A TCP port, 0–65535 (0 lets the system choose one). */
export function port(opts: { default: number }): Flag<number>;
export function port(opts?: SingleOptions<number>): Flag<number | undefined>;
export function port(opts: SingleOptions<number> = {}): Flag<number | undefined> {
  return valueFlag(parseInteger(0, 65535), opts);
}

/** A whole number from `min` (default 1, i.e. positive) to `max`. */
export function integer(opts: { min?: number; max?: number; default: number }): Flag<number>;
export function integer(opts?: { min?: number; max?: number; default?: number }): Flag<number | undefined>;
export function integer(opts: { min?: number; max?: number; default?: number } = {}): Flag<number | undefined> {
  return valueFlag(parseInteger(opts.min ?? 1, opts.max ?? Number.MAX_SAFE_INTEGER), opts);
}

/** One of a fixed set of words, e.g. `--lang en|uk`. */
export function oneOf<const V extends string>(values: readonly V[], opts: { default: NoInfer<V> }): Flag<V>;
export function oneOf<const V extends string>(values: readonly V[], opts?: { default?: NoInfer<V> }): Flag<V | undefined>;
export function oneOf<const V extends string>(values: readonly V[], opts: { default?: V } = {}): Flag<V | undefined> {
  const parse: Parse<V> = (raw, flag) => {
    if ((values as readonly string[]).includes(raw)) return raw as V;
    throw new UsageError(`${flag} must be one of ${values.join(', ')}, got "${raw}"`);
  };
  return valueFlag(parse, opts);
}

/** A switch that takes no value: present means true. */
export function boolean(): Flag<boolean> {
  return { takesValue: false, repeated: false, initial: () => false, apply: () => true };
}

/** The parsed values of a flag spec, one property per declared flag. */
export type Parsed<S extends Record<string, Flag<unknown>>> = { [K in keyof S]: S[K] extends Flag<infer T> ? T : never };

/**
 * Parses `argv` (usually `process.argv.slice(2)`) against `spec`; spec keys are
 * the flag names without `--`. Throws UsageError for unknown flags, missing or
 * bad values, a single-valued flag given twice, and stray arguments.
 */
export function parseFlags<S extends Record<string, Flag<unknown>>>(argv: readonly string[], spec: S): Parsed<S> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(spec)) values[key] = spec[key].initial();
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const flag = `--${name}`;
    if (!Object.hasOwn(spec, name)) throw new UsageError(`unknown flag ${flag}`);
    const def = spec[name];
    if (seen.has(name) && !def.repeated) throw new UsageError(`${flag} was given more than once`);
    seen.add(name);

    let raw: string;
    if (!def.takesValue) {
      if (eq >= 0) throw new UsageError(`${flag} takes no value`);
      raw = '';
    } else if (eq >= 0) {
      raw = arg.slice(eq + 1);
    } else {
      // A following "--x" is the next flag, not this one's value.
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`${flag} needs a value`);
      raw = argv[++i];
    }
    values[name] = def.apply(values[name], raw, flag);
  }
  return values as Parsed<S>;
}

/**
 * parseFlags for a `main.ts`: `--help` prints the usage and exits 0; a UsageError
 * prints the message and the usage on stderr and exits 2.
 */
export function parseFlagsOrExit<S extends Record<string, Flag<unknown>>>(argv: readonly string[], spec: S, usage: string): Parsed<S> {
  if (argv.includes('--help') && !Object.hasOwn(spec, 'help')) {
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
