/**
 * Waits until a condition holds, checking after each turn of the event loop: for
 * state the other end settles on its own schedule (a server counting a socket
 * closed after the client saw it close). Fails only through the test's timeout.
 */
export async function eventually(check: () => boolean, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
