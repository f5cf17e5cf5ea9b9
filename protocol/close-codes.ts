/**
 * WebSocket close codes the gateway sends and the web client reads (RFC 6455
 * §7.4.1), by name. Browser-safe; knows nothing of the game.
 */
export const CloseCode = {
  /** The game server ended the connection, or the page left. */
  normal: 1000,
  /** The gateway is shutting down. */
  goingAway: 1001,
  /** A binary frame: the wire is text. */
  unsupportedData: 1003,
  /** A frame that is not one line (CR or LF inside it, or not UTF-8). */
  invalidData: 1007,
  /** A frame over the line limit. */
  tooBig: 1009,
  /** The connection to the game server failed. */
  unexpected: 1011,
  /** The game server is not reachable now; the page may try again. */
  tryAgainLater: 1013,
} as const;

/** One of the close codes above. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
