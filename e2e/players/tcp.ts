/** A player on a raw TCP socket, as telnet: lines end in CRLF; commands typed by hand. */
import net from 'node:net';
import { LinePlayer, LineQueue } from './line-player.js';

export class TcpPlayer extends LinePlayer {
  protected readonly queue: LineQueue;

  private constructor(readonly socket: net.Socket) {
    super();
    this.queue = LineQueue.from(socket);
  }

  /** Connects to the game server on 127.0.0.1; the name is not sent yet. */
  static async connect(port: number): Promise<TcpPlayer> {
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new TcpPlayer(socket);
  }

  /** Sends one raw line, CRLF-terminated. */
  send(line: string): void {
    this.socket.write(line + '\r\n');
  }

  async join(name: string): Promise<void> {
    this.send(name);
    await this.joined(name);
  }

  /** Takes lines up to the next `/turn`. */
  async waitForTurn(): Promise<void> {
    await this.queue.take((l) => l === '/turn', this.who, '/turn');
  }

  protected sendMove(kind: 'letter' | 'word', value: string): void {
    this.send(`/${kind} ${value}`);
  }

  /** Resolves when the server has closed the connection. */
  closed(): Promise<void> {
    return this.queue.closed(this.who);
  }

  close(): void {
    this.socket.destroy();
  }
}
