/**
 * A TCP relay in front of a server (127.0.0.1, port 0) whose connections a test can
 * cut, as a dropped Wi-Fi would, while later connections still pass: for clients
 * that reconnect and take their seat back (PROTOCOL.md §8.4).
 */
import net from 'node:net';

export interface CuttableRelay {
  /** Where clients connect instead of the server. */
  readonly port: number;
  /** Resets every connection through the relay now (the server sees its side close). */
  cut(): void;
  /**
   * The next connection is accepted but held: nothing reaches the server until the
   * function this resolves with (once that connection has arrived) is called.
   */
  holdNext(): Promise<() => void>;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

/** Starts a relay to 127.0.0.1:`target`. */
export async function cuttableRelay(target: number): Promise<CuttableRelay> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  const held: ((down: net.Socket) => void)[] = [];
  const waiting = new Set<net.Socket>();
  const passOn = (down: net.Socket) => {
    waiting.delete(down);
    if (down.destroyed) return;
    const up = net.connect(target, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [down, up];
    pairs.add(pair);
    for (const s of pair) {
      s.on('error', () => {});
      s.on('close', () => {
        pairs.delete(pair);
        down.destroy();
        up.destroy();
      });
    }
    down.pipe(up);
    up.pipe(down);
  };
  const relay = net.createServer((down) => {
    down.on('error', () => {});
    const hold = held.shift();
    // A held socket is paused until piped: what the client sends waits in it.
    if (hold) {
      waiting.add(down);
      hold(down);
    } else passOn(down);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as net.AddressInfo).port,
    cut: () => pairs.forEach(([down]) => down.resetAndDestroy()),
    holdNext: () => new Promise((resolve) => held.push((down) => resolve(() => passOn(down)))),
    close: () => {
      pairs.forEach((p) => p.forEach((s) => s.destroy()));
      waiting.forEach((s) => s.destroy());
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
