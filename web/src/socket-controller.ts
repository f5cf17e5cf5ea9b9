/**
 * The one owner of the WebSocket to the gateway: one text frame is one line.
 * It turns socket events into reducer actions, and sits down as the lobby script
 * says (lobby.ts); it knows nothing of the game.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isCommand, parseMessage } from '../../protocol/index.js';
import { answer, start } from './lobby.js';
import type { Lobby, Plan } from './lobby.js';
import type { ViewAction } from './state.js';

/** The gateway's endpoint on the page's own origin. */
export function gatewayUrl(loc: Location = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/** The page's WebSocket to the gateway (the server's own per-socket class is server/connection.ts's Connection). */
export class SocketController implements ReactiveController {
  private ws: WebSocket | null = null;
  /** Where the lobby script stands on the current socket. */
  private lobby: Lobby | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly dispatch: (action: ViewAction) => void,
    private readonly url: () => string = () => gatewayUrl(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.close();
  }

  /** Opens a new connection and sits down as the plan says (the public table: the name as the first line). */
  connect(plan: Plan): void {
    this.close();
    this.dispatch(plan.kind === 'table' ? { type: 'join', name: plan.name, t: Date.now() } : { type: 'connect', plan, t: Date.now() });
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url());
    } catch {
      this.dispatch({ type: 'closed', code: 1006, reason: '', t: Date.now() });
      return;
    }
    this.ws = ws;
    // Events of a socket we have replaced are stale: ignore them.
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.dispatch({ type: 'open', t: Date.now() });
      const first = start(plan);
      this.lobby = first.lobby;
      for (const line of first.send) this.send(line);
    };
    ws.onmessage = (e: MessageEvent) => {
      if (this.ws !== ws || typeof e.data !== 'string') return;
      this.dispatch({ type: 'line', line: e.data, t: Date.now() });
      this.answer(e.data);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.dispatch({ type: 'closed', code: e.code, reason: e.reason, t: Date.now() });
    };
  }

  /** Sends what the lobby script says in answer to a line; gives up when it was refused. */
  private answer(line: string): void {
    if (!this.lobby?.awaiting || isCommand(line)) return;
    const id = parseMessage(line)?.id;
    if (!id) return;
    const next = answer(this.lobby, id);
    this.lobby = next.lobby;
    for (const l of next.send) this.send(l);
    if (next.failed) {
      this.close();
      this.dispatch({ type: 'turned-away', t: Date.now() });
    }
  }

  /** Sends one line (line ends inside it would split it, so they are removed). */
  send(line: string): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const clean = line.replace(/[\r\n]+/g, ' ');
    ws.send(clean);
    this.dispatch({ type: 'sent', line: clean, t: Date.now() });
  }

  /** Closes without reporting: we chose to leave. */
  close(): void {
    const ws = this.ws;
    this.ws = null;
    this.lobby = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
  }
}
