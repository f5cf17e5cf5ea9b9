/**
 * The default ports of every program here, each written once, and how many
 * connections a listener lets the kernel hold. Node-only callers
 * (mains, scripts, vite.config.ts); the web client never needs a port of its own.
 */

/** The raw-TCP game server (`npm run server`, telnet, the terminal client). */
export const GAME_PORT = 30003;
/** The WebSocket gateway, which also serves the web client (`npm run gateway`, `npm start`). */
export const GATEWAY_PORT = 8080;
/** The palindrome service (`npm run palindrome-server` and its client). */
export const PALINDROME_PORT = 30002;
/** Vite's dev server (`npm run dev`). */
export const DEV_PORT = 5173;

/**
 * Connections the kernel may hold for a listener before it accepts them (capped at
 * net.core.somaxconn). Node's default of 511 overflows when a few hundred tables end at
 * once and their players come straight back (or a restarted gateway's browsers all
 * reconnect): an overflowed connection waits a second or more for the kernel to retry it.
 */
export const LISTEN_BACKLOG = 4096;
