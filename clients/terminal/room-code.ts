/**
 * A room code printed large, so that a teacher can read it out to a class or put it
 * on a projector: the code in block letters, spelled with spaces, and how to join.
 */

// 5 rows per glyph, 5 columns; only the characters a room code uses (PROTOCOL.md §8.1).
const FONT: Readonly<Record<string, readonly string[]>> = {
  '2': ['████ ', '    █', ' ███ ', '█    ', '█████'],
  '3': ['████ ', '    █', ' ███ ', '    █', '████ '],
  '4': ['█   █', '█   █', '█████', '    █', '    █'],
  '5': ['█████', '█    ', '████ ', '    █', '████ '],
  '6': [' ███ ', '█    ', '████ ', '█   █', ' ███ '],
  '7': ['█████', '    █', '   █ ', '  █  ', '  █  '],
  '8': [' ███ ', '█   █', ' ███ ', '█   █', ' ███ '],
  '9': [' ███ ', '█   █', ' ████', '    █', ' ███ '],
  A: [' ███ ', '█   █', '█████', '█   █', '█   █'],
  B: ['████ ', '█   █', '████ ', '█   █', '████ '],
  C: [' ████', '█    ', '█    ', '█    ', ' ████'],
  D: ['████ ', '█   █', '█   █', '█   █', '████ '],
  E: ['█████', '█    ', '████ ', '█    ', '█████'],
  F: ['█████', '█    ', '████ ', '█    ', '█    '],
  G: [' ████', '█    ', '█  ██', '█   █', ' ███ '],
  H: ['█   █', '█   █', '█████', '█   █', '█   █'],
  J: ['  ███', '    █', '    █', '█   █', ' ███ '],
  K: ['█   █', '█  █ ', '███  ', '█  █ ', '█   █'],
  L: ['█    ', '█    ', '█    ', '█    ', '█████'],
  M: ['█   █', '██ ██', '█ █ █', '█   █', '█   █'],
  N: ['█   █', '██  █', '█ █ █', '█  ██', '█   █'],
  P: ['████ ', '█   █', '████ ', '█    ', '█    '],
  Q: [' ███ ', '█   █', '█ █ █', '█  █ ', ' ██ █'],
  R: ['████ ', '█   █', '████ ', '█  █ ', '█   █'],
  S: [' ████', '█    ', ' ███ ', '    █', '████ '],
  T: ['█████', '  █  ', '  █  ', '  █  ', '  █  '],
  U: ['█   █', '█   █', '█   █', '█   █', ' ███ '],
  V: ['█   █', '█   █', '█   █', ' █ █ ', '  █  '],
  W: ['█   █', '█   █', '█ █ █', '██ ██', '█   █'],
  X: ['█   █', ' █ █ ', '  █  ', ' █ █ ', '█   █'],
  Y: ['█   █', ' █ █ ', '  █  ', '  █  ', '  █  '],
  Z: ['█████', '   █ ', '  █  ', ' █   ', '█████'],
};

/** The characters the block font draws: the alphabet of room codes. */
export const ROOM_CODE_ALPHABET = Object.keys(FONT).join('');

/** The code in block letters, one string per row; a character outside the font is left out. */
export function blockLetters(code: string): string[] {
  const glyphs = [...code.toUpperCase()].map((c) => FONT[c]).filter((g) => g !== undefined);
  return [0, 1, 2, 3, 4].map((row) => glyphs.map((g) => g[row]).join('   '));
}

/** Lines to show when a room is opened: the code large, spelled, and how friends join. */
export function roomBanner(code: string): string[] {
  const upper = code.toUpperCase();
  return [
    '',
    ...blockLetters(upper).map((row) => `    ${row}`),
    '',
    `    Room code: ${[...upper].join(' ')}`,
    `    Friends join with: npm run client -- --join ${upper}   (telnet: /join ${upper}, then a name)`,
    '',
  ];
}
