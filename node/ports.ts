/**
 * The default ports of every program here, each written once. Node-only callers
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
