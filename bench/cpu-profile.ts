/**
 * Reads a V8 CPU profile (`node --cpu-prof`) into where the time went, by function:
 * self time (samples whose top frame is the function) and inclusive time (samples
 * with the function anywhere on the stack, counted once however deep it recurses).
 * Pure: the profile comes in as parsed JSON.
 */

/** The parts of a `.cpuprofile` read here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  /** Microseconds on the system's monotonic clock (as `process.hrtime`). */
  readonly startTime: number;
  readonly endTime: number;
  /** The node on top of the stack at each sample, and the time since the sample before (µs). */
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A span of time on the monotonic clock, in µs: `process.hrtime.bigint() / 1000n` read in any process. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

export interface FunctionTime {
  /** `name file:line`, the file relative to the tree, or V8's own name, e.g. `(garbage collector)`. */
  readonly name: string;
  /** Share of the busy samples (idle excluded), 0–1. */
  readonly self: number;
  readonly inclusive: number;
}

export interface ProfileSummary {
  /** Samples taken while the process was not idle. */
  readonly busySamples: number;
  /** Share of all samples that were idle (waiting in the event loop). */
  readonly idle: number;
  readonly functions: readonly FunctionTime[];
}

const IDLE = '(idle)';

/** Where a profile's busy time went, by function (within `window` if given); `root` is cut from file URLs. */
export function summarize(profile: CpuProfile, root: string, window?: Window): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    if (!f.url) return f.functionName || '(anonymous)';
    const file = f.url.replace(/^file:\/\//, '').replace(root.replace(/\/$/, '') + '/', '');
    // Code compiled by tsx reports every function at line 1 (0 here): the file alone says as much.
    return `${f.functionName || '(anonymous)'} ${file}${f.lineNumber > 0 ? `:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // Samples a node was on top of the stack, within the window.
  const hitsOf = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (!window || (t >= window.from && t <= window.to)) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  });
  let busy = 0;
  let idle = 0;
  for (const n of profile.nodes) {
    const hits = hitsOf.get(n.id) ?? 0;
    if (hits === 0) continue;
    const name = nameOf(n.id);
    if (name === IDLE) {
      idle += hits;
      continue;
    }
    busy += hits;
    self.set(name, (self.get(name) ?? 0) + hits);
    // Every function on this stack, once each, gets the hits as inclusive time.
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) seen.add(nameOf(id));
    for (const f of seen) inclusive.set(f, (inclusive.get(f) ?? 0) + hits);
  }
  const share = (v: number | undefined) => (busy === 0 ? 0 : (v ?? 0) / busy);
  const functions = [...inclusive.keys()]
    .filter((name) => name !== '(root)')
    .map((name) => ({ name, self: share(self.get(name)), inclusive: share(inclusive.get(name)) }));
  return { busySamples: busy, idle: busy + idle === 0 ? 0 : idle / (busy + idle), functions };
}

/** The top `n` functions by self time and by inclusive time, as two aligned lists. */
export function formatSummary(s: ProfileSummary, n: number): string {
  const pct = (v: number) => `${(v * 100).toFixed(1).padStart(5)} %`;
  const top = (key: 'self' | 'inclusive') =>
    [...s.functions]
      .sort((a, b) => b[key] - a[key])
      .slice(0, n)
      .map((f) => `  ${pct(f[key])}  ${key === 'self' ? '' : `(self ${pct(f.self).trim()})  `}${f.name}`);
  return [
    `${s.busySamples} busy samples; idle ${(s.idle * 100).toFixed(1)} % of the time`,
    `Self time (share of busy samples):`,
    ...top('self'),
    `Inclusive time (the function or what it called):`,
    ...top('inclusive'),
    '',
  ].join('\n');
}
