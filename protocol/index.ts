/** The wire contract: framing, commands, the message catalogue, close codes and control cleaning. Browser-safe. */
export * from './framing.js';
export * from './commands.js';
export * from './catalog.js';
export * from './close-codes.js';
export * from './controls.js';
