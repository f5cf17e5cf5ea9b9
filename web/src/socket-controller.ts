/**
 * The one owner of the WebSocket to the gateway: one text frame is one line.
 * It turns socket events into reducer actions and knows nothing of the game.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewAction } from './state.js';

/** The gateway's endpoint on the page's own origin. */
export function gatewayUrl(loc: Location = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/** The page's WebSocket to the gateway (the server's own per-socket class is server/connection.ts's Connection). */
export class SocketController implements ReactiveController {
  private ws: WebSocket | null = null;

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

  /** Opens a new connection and sends the name as the first line. */
  connect(name: string): void {
    this.close();
    this.dispatch({ type: 'join', name, t: Date.now() });
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
      this.send(name);
    };
    ws.onmessage = (e: MessageEvent) => {
      if (this.ws === ws && typeof e.data === 'string') this.dispatch({ type: 'line', line: e.data, t: Date.now() });
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.dispatch({ type: 'closed', code: e.code, reason: e.reason, t: Date.now() });
    };
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
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
  }
}
