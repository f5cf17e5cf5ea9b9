import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SocketController, gatewayUrl } from './socket-controller.js';
import type { Plan } from './lobby.js';
import type { ViewAction } from './state.js';

/** A stand-in for the browser's WebSocket: records what is sent, lets the test fire events. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
}

const ann: Plan = { kind: 'table', name: 'Ann' };

describe('SocketController', () => {
  let actions: ViewAction[];
  let conn: SocketController;
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };

  beforeEach(() => {
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    actions = [];
    conn = new SocketController(host, (a) => actions.push(a), () => 'ws://game.test/ws');
  });
  afterEach(() => vi.unstubAllGlobals());

  const types = () => actions.map((a) => a.type);

  it('registers with its host', () => {
    expect(host.addController).toHaveBeenCalledWith(conn);
  });

  it('sends the name first, then turns frames into lines', () => {
    conn.connect(ann);
    const ws = FakeSocket.all[0];
    expect(ws.url).toBe('ws://game.test/ws');
    ws.open();
    expect(ws.sent).toEqual(['Ann']);
    ws.onmessage!({ data: 'Ann joined the game' });
    ws.onmessage!({ data: new ArrayBuffer(1) }); // not text: not a line
    conn.send('/letter a');
    expect(ws.sent).toEqual(['Ann', '/letter a']);
    ws.onclose!({ code: 1000, reason: '' });
    expect(types()).toEqual(['join', 'open', 'sent', 'line', 'sent', 'closed']);
    expect(actions[3]).toMatchObject({ line: 'Ann joined the game' });
  });

  it('never sends a line end inside a frame', () => {
    conn.connect(ann);
    FakeSocket.all[0].open();
    conn.send('/word a\nb');
    expect(FakeSocket.all[0].sent.at(-1)).toBe('/word a b');
  });

  it('sends nothing before the socket is open', () => {
    conn.connect(ann);
    conn.send('/letter a');
    expect(FakeSocket.all[0].sent).toEqual([]);
  });

  it('ignores the events of a socket it replaced', () => {
    conn.connect(ann);
    const old = FakeSocket.all[0];
    conn.connect(ann);
    expect(old.closedWith).toBe(1000);
    old.onclose!({ code: 1000, reason: '' });
    old.onmessage!({ data: 'stale' });
    expect(types()).toEqual(['join', 'join']);
  });

  it('closes its socket when the host goes away', () => {
    conn.connect(ann);
    FakeSocket.all[0].open();
    conn.hostDisconnected();
    expect(FakeSocket.all[0].closedWith).toBe(1000);
  });

  it('reports a socket that cannot even be made as a close', () => {
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor() {
          throw new SyntaxError('bad url');
        }
      },
    );
    conn.connect(ann);
    expect(actions.at(-1)).toMatchObject({ type: 'closed', code: 1006 });
  });

  it('sits down in a room as the lobby script says: the name only after ROOM_READY', () => {
    conn.connect({ kind: 'join', name: 'Bob', code: 'K7M2Q' });
    const ws = FakeSocket.all[0];
    ws.open();
    expect(ws.sent).toEqual(['/join K7M2Q']);
    ws.onmessage!({ data: 'Welcome to Word Guess! Type your name and press Enter.' });
    expect(ws.sent).toEqual(['/join K7M2Q']);
    ws.onmessage!({ data: 'Room K7M2Q: type your name to sit down' });
    expect(ws.sent).toEqual(['/join K7M2Q', 'Bob']);
    expect(actions[0]).toMatchObject({ type: 'connect', plan: { kind: 'join', code: 'K7M2Q' } });
  });

  it('a room that is not there: closes quietly and says the page was turned away', () => {
    conn.connect({ kind: 'join', name: 'Bob', code: 'K7M2Q' });
    const ws = FakeSocket.all[0];
    ws.open();
    ws.onmessage!({ data: 'There is no room K7M2Q' });
    expect(ws.sent).toEqual(['/join K7M2Q']);
    expect(ws.closedWith).toBe(1000);
    expect(types().at(-1)).toBe('turned-away');
    ws.onclose!({ code: 1000, reason: '' });
    expect(types().at(-1)).toBe('turned-away');
  });

  it('opens a room, sends its words and the name once it is open', () => {
    conn.connect({ kind: 'new', name: 'Ann', settings: { players: 2, turn: 30, lang: 'uk' }, words: ['кіт', 'пес'] });
    const ws = FakeSocket.all[0];
    ws.open();
    ws.onmessage!({ data: 'Кімнату K7M2Q відкрито. Друзі приєднуються: /join K7M2Q' });
    expect(ws.sent).toEqual(['/new players=2 turn=30 lang=uk', '/words кіт пес', 'Ann']);
  });

  it('uses wss on https pages', () => {
    expect(gatewayUrl({ protocol: 'https:', host: 'example.org' } as Location)).toBe('wss://example.org/ws');
    expect(gatewayUrl({ protocol: 'http:', host: 'localhost:8080' } as Location)).toBe('ws://localhost:8080/ws');
  });
});
