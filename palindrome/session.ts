/**
 * One client's session with the palindrome server: lines in, one answer line out
 * for each, until an empty line. Works on any duplex byte stream (a TCP socket in
 * the server), so its flow control can be tested on a stream with a tiny buffer.
 */
import type { Duplex } from 'node:stream';
import { readLines } from '../node/lines.js';
import { encodeLine, MAX_UNTERMINATED_BYTES, type Line } from '../protocol/framing.js';
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
  let waitingForDrain = false;

  /** Answers one line; an empty one ends the session. */
  function reply(line: Line): void {
    const text = answerLine(line);
    if (text === null) return finish();
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

  function finish(): void {
    if (reading.stopped) return;
    reading.stop();
    // Answers already written are still delivered; then the client sees the end and closes.
    // We keep reading (and dropping) what it still sends: closing with unread bytes
    // would make the kernel reset the connection and lose those answers.
    stream.end();
    const linger = setTimeout(() => stream.destroy(), LINGER_MS);
    stream.once('close', () => clearTimeout(linger));
  }

  const reading = readLines(
    stream,
    {
      line: reply,
      // The client shut its side: a last line without a line end got its answer above.
      end: finish,
      overflow() {
        log(`${peer}: more than ${MAX_UNTERMINATED_BYTES / 1024} KiB without a line end, disconnected`);
        stream.destroy();
      },
    },
    // Telnet on: a telnet user's negotiation bytes are not part of their text.
    { telnet: true },
  );
}
