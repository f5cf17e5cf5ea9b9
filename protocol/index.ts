/** The wire contract: framing, commands, the message catalogue and close codes. Browser-safe. */
export * from './framing.js';
export * from './commands.js';
export * from './catalog.js';
export * from './close-codes.js';
