/**
 * Reads V8 heap snapshots (`.heapsnapshot`, as node writes them on `--heapsnapshot-signal`)
 * into what the heap holds by kind of object, and the difference between two snapshots per
 * player. Pure: the snapshot comes in as parsed JSON.
 *
 * The format is flat: `nodes` holds one record of `meta.node_fields` numbers a node, `edges`
 * one record of `meta.edge_fields` an edge; a node's edges follow those of the nodes before it
 * (`edge_count` each); `to_node` is the index of the target's record in `nodes`; types are
 * indexes into `meta.node_types[0]` / `meta.edge_types[0]`, names indexes into `strings`
 * (except the numbers of `element` and `hidden` edges).
 */

/** The parts of a `.heapsnapshot` read here. */
export interface HeapSnapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: readonly string[];
      readonly node_types: readonly [readonly string[], ...unknown[]];
      readonly edge_fields: readonly string[];
      readonly edge_types: readonly [readonly string[], ...unknown[]];
    };
  };
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly strings: readonly string[];
}

/** How many nodes of one kind, and their self size in bytes. */
export interface Tally {
  count: number;
  bytes: number;
}

export interface HeapSummary {
  readonly nodes: number;
  /** Self sizes of every node, bytes. */
  readonly bytes: number;
  /** By `type name`: strings, code and heap numbers each lumped into one row. */
  readonly kinds: ReadonlyMap<string, Tally>;
  /**
   * Plain `Object`s by their property names, closures by name and the variables they capture.
   * A snapshot has edges to heap objects only: a property holding a small integer is missing.
   */
  readonly shapes: ReadonlyMap<string, Tally>;
}

/** One kind in a diff: what it grew by, per player. */
export interface DiffRow {
  readonly kind: string;
  readonly count: number;
  readonly bytes: number;
}

export interface HeapDiff {
  readonly players: number;
  /** Growth of the whole heap (self sizes), bytes per player. */
  readonly bytes: number;
  /** Biggest growth first. */
  readonly kinds: readonly DiffRow[];
  readonly shapes: readonly DiffRow[];
}

/** Names longer than this are cut: a regexp's or a string's name is its text. */
const NAME_CHARS = 60;
/** A shape lists this many property names, then how many more, in at most SHAPE_CHARS. */
const SHAPE_NAMES = 8;
const SHAPE_CHARS = 60;

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** The row a node counts in: V8's type and constructor (or array, closure) name, some kinds lumped. */
export function kindOf(type: string, name: string): string {
  if (STRING_TYPES.has(type)) return '(strings)';
  if (type === 'code') return '(code)';
  if (type === 'number') return '(heap numbers)';
  if (type === 'closure') return `closure ${name || '(anonymous)'}`.slice(0, NAME_CHARS);
  return `${type} ${name || '(no name)'}`.slice(0, NAME_CHARS);
}

/** What a snapshot holds by kind of object and, for plain objects and closures, by shape. */
export function summarize(s: HeapSnapshot): HeapSummary {
  const { meta } = s.snapshot;
  const nf = meta.node_fields;
  const ef = meta.edge_fields;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const field = (fields: readonly string[], name: string) => {
    const i = fields.indexOf(name);
    if (i < 0) throw new Error(`not a heap snapshot this reader knows: no "${name}" in [${fields.join(', ')}]`);
    return i;
  };
  const N = nf.length;
  const E = ef.length;
  const [nType, nName, nSize, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => field(nf, f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => field(ef, f));
  const { nodes, edges, strings } = s;
  const count = nodes.length / N;

  // Where each node's edges start, so that a closure's context can be read.
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * N + nEdges] * E;
  const edgeNames = (node: number, edgeType: string): string[] => {
    const names: string[] = [];
    for (let e = firstEdge[node]; e < firstEdge[node + 1]; e += E) {
      if (edgeTypes[edges[e + eType]] === edgeType) names.push(strings[edges[e + eName]]);
    }
    return names;
  };
  const contextOf = (node: number): number | undefined => {
    for (let e = firstEdge[node]; e < firstEdge[node + 1]; e += E) {
      if (edgeTypes[edges[e + eType]] === 'internal' && strings[edges[e + eName]] === 'context') return edges[e + eTo] / N;
    }
    return undefined;
  };

  const kinds = new Map<string, Tally>();
  const shapes = new Map<string, Tally>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const type = nodeTypes[nodes[i * N + nType]];
    const name = strings[nodes[i * N + nName]];
    const size = nodes[i * N + nSize];
    bytes += size;
    add(kinds, kindOf(type, name), size);
    if (type === 'object' && name === 'Object') {
      add(shapes, `Object ${listed(edgeNames(i, 'property').filter((p) => p !== '__proto__'))}`, size);
    } else if (type === 'closure') {
      const context = contextOf(i);
      const captured = context === undefined ? [] : edgeNames(context, 'context');
      add(shapes, `${kindOf(type, name)} captures ${listed(captured)}`, size);
    }
  }
  return { nodes: count, bytes, kinds, shapes };
}

/** What grew from `a` to `b`, per player (`players` joined in between), biggest first. */
export function diff(a: HeapSummary, b: HeapSummary, players: number): HeapDiff {
  const rows = (before: ReadonlyMap<string, Tally>, after: ReadonlyMap<string, Tally>): DiffRow[] =>
    [...new Set([...before.keys(), ...after.keys()])]
      .map((kind) => {
        const x = before.get(kind) ?? { count: 0, bytes: 0 };
        const y = after.get(kind) ?? { count: 0, bytes: 0 };
        return { kind, count: (y.count - x.count) / players, bytes: (y.bytes - x.bytes) / players };
      })
      .filter((r) => r.count !== 0 || r.bytes !== 0)
      .sort((p, q) => q.bytes - p.bytes || q.count - p.count || p.kind.localeCompare(q.kind));
  return { players, bytes: (b.bytes - a.bytes) / players, kinds: rows(a.kinds, b.kinds), shapes: rows(a.shapes, b.shapes) };
}

function add(map: Map<string, Tally>, key: string, bytes: number): void {
  const t = map.get(key);
  if (t) {
    t.count++;
    t.bytes += bytes;
  } else map.set(key, { count: 1, bytes });
}

/** `{a,b,c}`; past SHAPE_NAMES names, `{a,…,h,+3}`. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, SHAPE_NAMES);
  const more = names.length > shown.length ? `,+${names.length - shown.length}` : '';
  const inner = shown.join(',');
  return inner.length > SHAPE_CHARS ? `{${inner.slice(0, SHAPE_CHARS)}…${more}}` : `{${inner}${more}}`;
}
