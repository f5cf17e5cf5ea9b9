/** The wire contract: framing, commands and the message catalogue. Browser-safe. */
export * from './framing.js';
export * from './commands.js';
export * from './catalog.js';
