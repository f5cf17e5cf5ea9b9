/** Heap snapshots read by kind and by shape, on small snapshots written by hand. */
import { describe, expect, it } from 'vitest';
import { diff, kindOf, summarize, type HeapSnapshot } from './heap-snapshot.js';

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

interface Edge {
  readonly type: string;
  /** A name, or the index of an element or hidden edge. */
  readonly name: string | number;
  /** Index of the target in the node list. */
  readonly to: number;
}
interface Node {
  readonly type: string;
  readonly name: string;
  readonly size: number;
  readonly edges?: readonly Edge[];
}

/** A snapshot in V8's flat format (its field order, an id and the fields not read here included). */
function snapshot(nodes: readonly Node[]): HeapSnapshot {
  const strings: string[] = [];
  const str = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const node_fields = ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'];
  const edge_fields = ['type', 'name_or_index', 'to_node'];
  const flatNodes = nodes.flatMap((n, i) => [NODE_TYPES.indexOf(n.type), str(n.name), i * 2 + 1, n.size, n.edges?.length ?? 0, 0, 0]);
  const flatEdges = nodes.flatMap((n) =>
    (n.edges ?? []).flatMap((e) => [EDGE_TYPES.indexOf(e.type), typeof e.name === 'number' ? e.name : str(e.name), e.to * node_fields.length]),
  );
  return {
    snapshot: { meta: { node_fields, node_types: [NODE_TYPES, 'string'], edge_fields, edge_types: [EDGE_TYPES, 'string_or_number', 'node'] } },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  };
}

const prop = (name: string, to: number): Edge => ({ type: 'property', name, to });

/** A root, a shared prototype (node 1), strings and code: what both snapshots hold. */
const base: Node[] = [
  { type: 'synthetic', name: '(GC roots)', size: 0 },
  { type: 'object', name: 'Object', size: 28 },
  { type: 'string', name: 'hello', size: 20 },
  { type: 'code', name: '(shared function info)', size: 40 },
];

/** One player: a Seat-like plain object, a class instance, a closure over a context, strings. */
function player(at: number): Node[] {
  return [
    { type: 'object', name: 'Object', size: 40, edges: [prop('__proto__', 1), prop('id', at + 2), prop('name', at + 3), { type: 'element', name: 0, to: at + 2 }] },
    { type: 'object', name: 'Connection', size: 64, edges: [prop('seat', at), { type: 'internal', name: 'map', to: 3 }] },
    { type: 'string', name: 'c1', size: 16 },
    { type: 'concatenated string', name: 'i1 2', size: 32 },
    { type: 'closure', name: '', size: 32, edges: [{ type: 'internal', name: 'context', to: at + 5 }, { type: 'internal', name: 'shared', to: 3 }] },
    { type: 'object', name: 'system / Context', size: 24, edges: [{ type: 'context', name: 'socket', to: at + 1 }, { type: 'context', name: 'this', to: at + 1 }] },
  ];
}

describe('heap snapshots', () => {
  it('counts nodes and self bytes by type and name, strings and code each in one row', () => {
    const s = summarize(snapshot([...base, ...player(4), { type: 'sliced string', name: 'x', size: 20 }, { type: 'array', name: '(object properties)', size: 56 }]));
    expect(s.nodes).toBe(12);
    expect(s.bytes).toBe(28 + 20 + 40 + 40 + 64 + 16 + 32 + 32 + 24 + 20 + 56);
    expect(s.kinds.get('(strings)')).toEqual({ count: 4, bytes: 20 + 16 + 32 + 20 });
    expect(s.kinds.get('(code)')).toEqual({ count: 1, bytes: 40 });
    expect(s.kinds.get('object Object')).toEqual({ count: 2, bytes: 68 });
    expect(s.kinds.get('object Connection')).toEqual({ count: 1, bytes: 64 });
    expect(s.kinds.get('closure (anonymous)')).toEqual({ count: 1, bytes: 32 });
    expect(s.kinds.get('array (object properties)')).toEqual({ count: 1, bytes: 56 });
  });

  it('keys plain objects by their property names and closures by the variables their context holds', () => {
    const s = summarize(snapshot([...base, ...player(4)]));
    expect(s.shapes.get('Object {id,name}')).toEqual({ count: 1, bytes: 40 });
    expect(s.shapes.get('Object {}')).toEqual({ count: 1, bytes: 28 });
    expect(s.shapes.get('closure (anonymous) captures {socket,this}')).toEqual({ count: 1, bytes: 32 });
    // Class instances are in the kinds, not among the shapes.
    expect([...s.shapes.keys()].some((k) => k.includes('Connection'))).toBe(false);
  });

  it('lists eight property names of a big object, then how many more', () => {
    const names = 'abcdefghijk'.split('');
    const s = summarize(snapshot([{ type: 'object', name: 'Object', size: 100, edges: names.map((n) => prop(n, 0)) }]));
    expect([...s.shapes.keys()]).toEqual(['Object {a,b,c,d,e,f,g,h,+3}']);
  });

  it('gives the growth per player from one snapshot to the next, biggest first, unchanged kinds left out', () => {
    const a = summarize(snapshot(base));
    const nodes = [...base];
    for (let i = 0; i < 4; i++) nodes.push(...player(nodes.length));
    const b = summarize(snapshot(nodes));
    const d = diff(a, b, 4);
    expect(d.players).toBe(4);
    expect(d.bytes).toBe(40 + 64 + 16 + 32 + 32 + 24);
    expect(d.kinds.map((r) => r.kind)).toEqual(['object Connection', '(strings)', 'object Object', 'closure (anonymous)', 'object system / Context']);
    expect(d.kinds[1]).toEqual({ kind: '(strings)', count: 2, bytes: 48 });
    expect(d.kinds.find((r) => r.kind === '(code)')).toBeUndefined();
    expect(d.shapes).toEqual([
      { kind: 'Object {id,name}', count: 1, bytes: 40 },
      { kind: 'closure (anonymous) captures {socket,this}', count: 1, bytes: 32 },
    ]);
  });

  it('counts what shrank as negative', () => {
    const d = diff(summarize(snapshot([...base, ...player(4)])), summarize(snapshot(base)), 1);
    expect(d.bytes).toBeLessThan(0);
    expect(d.kinds.every((r) => r.bytes < 0)).toBe(true);
  });

  it('says which field is missing from a snapshot it cannot read', () => {
    const s = snapshot(base);
    const broken = { ...s, snapshot: { meta: { ...s.snapshot.meta, node_fields: ['type', 'name', 'id', 'edge_count'] } } };
    expect(() => summarize(broken)).toThrow(/no "self_size"/);
  });

  it('names a kind by V8 type and name, cutting long names', () => {
    expect(kindOf('sliced string', 'abc')).toBe('(strings)');
    expect(kindOf('number', 'heap number')).toBe('(heap numbers)');
    expect(kindOf('closure', 'onData')).toBe('closure onData');
    expect(kindOf('array', '')).toBe('array (no name)');
    expect(kindOf('regexp', 'x'.repeat(200)).length).toBeLessThanOrEqual(60);
  });
});
