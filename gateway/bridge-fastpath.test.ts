/**
 * The bridge frames server chunks of whole `\n` lines itself, under ws, without its
 * line decoder, and writes a tick's browser frames as one buffer: these tests hold
 * the browser to the same frames with the fast path on and off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from './gateway.js';
import { TestClient } from '../test/support/ws-client.js';
import { type ScriptedPeer, createScriptedServer } from '../test/support/scripted-server.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

for (const framesUnderWs of [true, false]) {
  describe(`bridge fast paths, framesUnderWs ${framesUnderWs}`, () => {
    async function setUp(onPeer?: (peer: ScriptedPeer) => void): Promise<{ client: TestClient; peer: () => Promise<ScriptedPeer> }> {
      const server = await createScriptedServer({ onPeer });
      stops.push(() => server.close());
      const gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: server.port }, log: () => {}, framesUnderWs });
      stops.push(() => gw.close());
      const client = await TestClient.open(`ws://127.0.0.1:${gw.address().port}/ws`);
      stops.push(async () => client.ws.terminate());
      return { client, peer: () => server.nextPeer() };
    }

    it('repairs a server line that is not valid UTF-8 with U+FFFD, as the decoder does', async () => {
      const { client } = await setUp((peer) => void peer.write(Buffer.from([0x61, 0xff, 0x62, 0x0a, 0xc3, 0x0a, 0x6f, 0x6b, 0x0a])));
      expect(await client.take(3)).toEqual(['a\uFFFDb', '\uFFFD', 'ok']);
    });

    it('keeps lines whole when chunks end mid-line, with LF, CRLF and a lone CR', async () => {
      const pieces = ['one\ntw', 'o\nthr', 'ee\r\nfour\n', 'fi', 've\rsix\n', 'seven\n'];
      const { client } = await setUp(async (peer) => {
        peer.socket.setNoDelay(true);
        for (const p of pieces) await peer.write(p);
      });
      expect(await client.take(7)).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven']);
    });

    it('sends an empty server line as an empty text frame', async () => {
      const { client } = await setUp((peer) => void peer.write('\n\nlast\n'));
      expect(await client.take(3)).toEqual(['', '', 'last']);
    });

    it('writes frames sent together, then a close, as lines before the end of the TCP stream', async () => {
      const { client, peer: nextPeer } = await setUp();
      const peer = await nextPeer();
      for (const line of ['a', 'bb', '', 'dddd']) client.send(line);
      client.ws.close(1000);
      await peer.ended;
      expect(peer.text).toBe('a\nbb\n\ndddd\n');
    });
  });
}
