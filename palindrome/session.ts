/**
 * One client's session with the palindrome server: lines in, one answer line out
 * for each, until an empty line. Works on any duplex byte stream (a TCP socket in
 * the server), so its flow control can be tested on a stream with a tiny buffer.
 */
import type { Duplex } from 'node:stream';
import { encodeLine, LineDecoder, type Line } from '../protocol/framing.js';
import { isPalindrome } from './palindrome.js';

/** How long a finished session waits for the client to close its side before it is dropped. */
export const LINGER_MS = 10_000;

const YES = '1';
const NO = '';

/** The answer to one received line; null means "end this session". */
export function answerLine(line: Line): string | null {
  // An over-long line was not read whole, so it cannot be confirmed as a palindrome:
  // it gets "no" and the session goes on. The answer stays `1` or empty, as §7 says.
  if (line.tooLong) return NO;
  // Lines are trimmed (PROTOCOL.md §1), so a line of spaces is an empty line too.
  const text = line.text.trim();
  if (text === '') return null;
  return isPalindrome(text) ? YES : NO;
}

/**
 * Serves one client on `stream`. The caller has already given the stream an
 * 'error' listener; `log` gets one line per notable event, prefixed with `peer`.
 */
export function servePalindromeSession(stream: Duplex, peer: string, log: (line: string) => void): void {
  // Telnet on: a telnet user's negotiation bytes are not part of their text.
  const decoder = new LineDecoder({ telnet: true });
  let ended = false;
  let waitingForDrain = false;

  /** Answers lines in order; returns false once the session is over. */
  function reply(lines: Line[]): boolean {
    for (const line of lines) {
      const text = answerLine(line);
      if (text === null) {
        finish();
        return false;
      }
      if (line.tooLong) log(`${peer}: line too long, answered "not a palindrome"`);
      // Backpressure: a client that sends faster than it reads must not fill our memory,
      // so stop reading until what we wrote has gone out.
      if (!stream.write(encodeLine(text)) && !waitingForDrain) {
        waitingForDrain = true;
        stream.pause();
        stream.once('drain', () => {
          waitingForDrain = false;
          stream.resume();
        });
      }
    }
    return true;
  }

  function finish(): void {
    if (ended) return;
    ended = true;
    // Answers already written are still delivered; then the client sees the end and closes.
    // We keep reading (and dropping) what it still sends: closing with unread bytes
    // would make the kernel reset the connection and lose those answers.
    stream.end();
    const linger = setTimeout(() => stream.destroy(), LINGER_MS);
    stream.once('close', () => clearTimeout(linger));
  }

  stream.on('data', (chunk: Buffer) => {
    if (ended) return;
    const { lines, overflow } = decoder.push(chunk);
    if (!reply(lines)) return;
    if (overflow) {
      log(`${peer}: more than 64 KiB without a line end, disconnected`);
      ended = true;
      stream.destroy();
    }
  });
  stream.on('end', () => {
    // The client shut its side: a last line without a line end still gets its answer.
    if (!ended && reply(decoder.end())) finish();
  });
}
