/**
 * The message catalogue (PROTOCOL.md §5, plus the server's own lines in
 * docs/PROTOCOL.md), in both languages, with a formatter and a parser for every
 * entry. Browser-safe: the server formats with it, the clients parse with it.
 */

export type Lang = 'en' | 'uk';
export const LANGS: readonly Lang[] = ['en', 'uk'];

/** Who a message goes to: every player at the table, all but the mover, or one player. */
export type Audience = 'table' | 'others' | 'player';

interface Entry {
  readonly to: Audience;
  readonly uk: string;
  readonly en: string;
  /** Other spellings a parser accepts (never formatted). */
  readonly alsoParse?: readonly string[];
}

export const MESSAGES = {
  // First: a chat line's text may read like any other message, but names never hold `<`.
  CHAT: { to: 'table', uk: '<{name}> {text}', en: '<{name}> {text}' },
  JOINED: {
    to: 'table',
    uk: 'До гри приєднався(лась) {name}',
    en: '{name} joined the game',
    alsoParse: ['До гри прєднався(лась) {name}'], // the reference server's spelling
  },
  WAITING: { to: 'table', uk: 'Очікуємо гравців: {k} з {n}', en: 'Waiting for players: {k} of {n}' },
  STARTED: { to: 'table', uk: 'Гра почалась!', en: 'The game has started!' },
  WORD: { to: 'table', uk: 'Слово: {mask}', en: 'Word: {mask}' },
  TURN_OF: { to: 'table', uk: 'Хід {name}', en: 'Turn: {name}' },
  LETTER_NAMED: { to: 'others', uk: "Названо літеру '{letter}'", en: "Letter named: '{letter}'" },
  WORD_NAMED: { to: 'others', uk: 'Названо слово "{word}"', en: 'Word named: "{word}"' },
  EARNED: { to: 'player', uk: 'Ви заробили балів: {points}', en: 'You earned points: {points}' },
  WON: { to: 'player', uk: 'Вітаємо! Ви виграли!!!', en: 'Congratulations! You won!!!' },
  NO_LETTER: { to: 'player', uk: 'Немає такої літери', en: 'No such letter' },
  ALREADY_OPEN: { to: 'player', uk: 'Літеру вже відгадано', en: 'That letter is already open' },
  BURNED: { to: 'player', uk: 'На жаль, Ваші бали "згоріли"', en: 'Sorry, your points "burned"' },
  GAME_OVER: { to: 'table', uk: 'Гру закінчено!', en: 'The game is over!' },
  SCORE: { to: 'table', uk: 'Рахунок: {scores}', en: 'Score: {scores}' },
  LEFT: { to: 'table', uk: '{name} залишив(ла) гру', en: '{name} left the game' },
  TIMEOUT: { to: 'table', uk: '{name} не встиг(ла) зробити хід', en: '{name} ran out of time' },
  RENAMED: { to: 'player', uk: "Ім'я зайняте, ви граєте як {name}", en: 'That name is taken; you play as {name}' },
  NO_NAME: { to: 'player', uk: 'Не надано імені гравця.', en: 'No player name given.' },
  BAD_NAME: { to: 'player', uk: 'Ім\'я не може починатися з "/"', en: 'A name cannot start with "/"' },
  UNEXPECTED: { to: 'player', uk: 'Неочікувані дані від клієнта {name}', en: 'Unexpected data from client {name}' },
  NO_COMMAND: { to: 'player', uk: 'Немає такої команди: "{command}"', en: 'No such command: "{command}"' },
  BAD_COMMAND: { to: 'player', uk: 'Недопустима команда: "{line}"', en: 'Invalid command: "{line}"' },
  NOT_YOUR_TURN: { to: 'player', uk: 'Зараз не ваш хід', en: 'It is not your turn' },
  NOT_A_LETTER: { to: 'player', uk: 'Назвіть одну літеру', en: 'Name a single letter' },
  LINE_TOO_LONG: { to: 'player', uk: 'Задовгий рядок', en: 'Line too long' },
  // PROTOCOL.md §8.8: rooms, kept seats, the clock, chat, watchers, computer players.
  ROOM_OPENED: {
    to: 'player',
    uk: 'Кімнату {code} відкрито. Друзі приєднуються: /join {code}',
    en: 'Room {code} is open. Friends join with: /join {code}',
  },
  NO_ROOM: { to: 'player', uk: 'Немає кімнати {code}', en: 'There is no room {code}' },
  ROOM_FULL: { to: 'player', uk: 'Кімната {code} заповнена', en: 'Room {code} is full' },
  BAD_SETTING: { to: 'player', uk: 'Невідоме налаштування: "{setting}"', en: 'Unknown setting: "{setting}"' },
  WORDS_ADDED: { to: 'player', uk: 'Слів у кімнаті: {count}', en: 'Words in the room: {count}' },
  BAD_WORD: { to: 'player', uk: 'Не слово: "{word}"', en: 'Not a word: "{word}"' },
  PLAYERS: { to: 'player', uk: 'За столом: {names}', en: 'At the table: {names}' },
  SEAT_KEY: {
    to: 'player',
    uk: "Ваш ключ місця: {key} (якщо зв'язок обірветься, під'єднайтеся знову й введіть /back {key})",
    en: 'Your seat key: {key} (if you lose the connection, reconnect and type /back {key})',
  },
  AWAY: {
    to: 'table',
    uk: "{name} втратив(ла) зв'язок; місце чекає {seconds} с",
    en: '{name} lost the connection; the seat is kept for {seconds} s',
  },
  BACK: { to: 'table', uk: '{name} повернувся(лась)', en: '{name} is back' },
  NO_SEAT: { to: 'player', uk: 'Це місце вже не збережене', en: 'That seat is no longer kept' },
  REPLACED: { to: 'player', uk: "Ваше місце зайняло нове з'єднання", en: 'Your seat was taken over by a new connection' },
  CLOCK: { to: 'table', uk: 'Час на хід: {seconds} с', en: 'Time to move: {seconds} s' },
  SLOW_DOWN: { to: 'player', uk: 'Забагато повідомлень, зачекайте', en: 'Too many messages; wait a moment' },
  WATCHING: { to: 'player', uk: 'Ви спостерігаєте за кімнатою {code}', en: 'You are watching room {code}' },
  ROOM_READY: { to: 'player', uk: "Кімната {code}: введіть своє ім'я, щоб сісти", en: 'Room {code}: type your name to sit down' },
  RESUMED: { to: 'player', uk: 'Ви знову граєте як {name}', en: 'You are back as {name}' },
  LETTERS: { to: 'player', uk: 'Названі літери: {letters}', en: 'Letters named: {letters}' },
  NOT_PLAYING: { to: 'player', uk: 'Ви спостерігаєте й не можете ходити', en: 'You are watching and cannot move' },
  NEXT_SEAT: { to: 'player', uk: 'Ви граєте з наступної гри', en: 'You play from the next game' },
  ROOM_TOTAL: { to: 'table', uk: 'Разом у кімнаті {code}: {scores}', en: 'Room {code} total: {scores}' },
  NEXT_GAME: {
    to: 'table',
    uk: 'Наступна гра за {seconds} с (/leave — вийти з кімнати)',
    en: 'Next game in {seconds} s (type /leave to leave the room)',
  },
  NO_BOT_SEAT: {
    to: 'player',
    uk: "Немає вільного місця для комп'ютерного гравця",
    en: 'No free seat for a computer player',
  },
  // The server's own lines (docs/PROTOCOL.md), beyond the shared contract.
  WELCOME: {
    to: 'player',
    uk: "Вітаємо у грі «Вгадай слово»! Введіть своє ім'я та натисніть Enter.",
    en: 'Welcome to Word Guess! Type your name and press Enter.',
  },
  HOW_TO_PLAY: {
    to: 'player',
    uk: 'На своєму ході введіть: /letter Л (літера) або /word СЛОВО (усе слово).',
    en: 'On your turn type: /letter X (a letter) or /word WORD (the whole word).',
  },
  NAME_TIMEOUT: { to: 'player', uk: "Ім'я не надано вчасно. До побачення.", en: 'No name was given in time. Goodbye.' },
  SERVER_FULL: { to: 'player', uk: 'Сервер переповнений, спробуйте пізніше.', en: 'The server is full; try again later.' },
  STOPPING: { to: 'player', uk: 'Сервер зупиняється. До побачення!', en: 'The server is stopping. Goodbye!' },
  // Rooms, seats and limits of PROTOCOL.md §8 that the shared contract leaves to the server.
  WORDS_FULL: {
    to: 'player',
    uk: 'Список слів заповнено: "{word}" і наступні слова не додано',
    en: 'The word list is full: "{word}" and the words after it were not added',
  },
  NO_ROOM_LEFT: { to: 'player', uk: 'Зараз більше кімнат відкрити не можна, спробуйте пізніше', en: 'No more rooms can be opened now; try again later' },
  TOO_MANY_KEYS: { to: 'player', uk: 'Забагато хибних ключів місця; спробуйте за хвилину', en: 'Too many wrong seat keys; try again in a minute' },
  ROOM_CLOSED: { to: 'table', uk: 'Кімнату {code} закрито', en: 'Room {code} is closed' },
  // /help (§8.1): no line starts with "/", so each is a list item.
  HELP_LOBBY: { to: 'player', uk: "Введіть своє ім'я, щоб сісти за стіл, або спершу:", en: 'Type your name to sit at a table, or first:' },
  HELP_NEW: {
    to: 'player',
    uk: '- /new [players=1…10] [turn=0|5…600] [lang=en|uk] [bots=K] [pause=0…60]: відкрити свою кімнату',
    en: '- /new [players=1…10] [turn=0|5…600] [lang=en|uk] [bots=K] [pause=0…60]: open a room of your own',
  },
  HELP_WORDS: { to: 'player', uk: '- /words СЛОВО СЛОВО …: після /new — слова вашої кімнати', en: '- /words WORD WORD …: after /new, the words your room plays' },
  HELP_JOIN: { to: 'player', uk: "- /join КОД: сісти в кімнату (далі введіть ім'я)", en: '- /join CODE: sit in a room (then type your name)' },
  HELP_WATCH: { to: 'player', uk: '- /watch КОД: спостерігати за кімнатою, не граючи', en: '- /watch CODE: watch a room without playing' },
  HELP_BACK: { to: 'player', uk: "- /back КЛЮЧ: повернутися на своє місце після обриву зв'язку", en: '- /back KEY: take back your seat after a lost connection' },
  HELP_TABLE: { to: 'player', uk: 'За столом:', en: 'At the table:' },
  HELP_MOVES: { to: 'player', uk: '- /letter Л — назвати літеру, /word СЛОВО — усе слово (на своєму ході)', en: '- /letter X names a letter, /word WORD the whole word (on your turn)' },
  HELP_SAY: { to: 'player', uk: '- /say ТЕКСТ: написати всім за столом', en: '- /say TEXT: talk to everyone at the table' },
  HELP_BOT: {
    to: 'player',
    uk: "- /bot [easy|normal|hard]: посадити комп'ютерного гравця, поки стіл заповнюється",
    en: '- /bot [easy|normal|hard]: seat a computer player while the table fills',
  },
  HELP_START: { to: 'player', uk: '- /start: у кімнаті — почати гру з тими, хто є', en: '- /start: in a room, start the game with the players present' },
  HELP_LEAVE: { to: 'player', uk: '- /leave: піти з-за столу; /help: цей список', en: '- /leave: leave the table; /help: this list' },
  HELP_WATCHER: { to: 'player', uk: 'Ви спостерігаєте: /leave — припинити, /help — цей список', en: 'You are watching: /leave to stop, /help for this list' },
  // RESULT last: `{name} {points}` would match almost any line, so parsers try it last.
  RESULT: { to: 'table', uk: '{name} {points}', en: '{name} {points}' },
} as const satisfies Record<string, Entry>;

export type MessageId = keyof typeof MESSAGES;

type FieldsOf<S extends string> = S extends `${string}{${infer F}}${infer Rest}` ? F | FieldsOf<Rest> : never;
/** The fields a message takes, e.g. `{ name: string }` for JOINED. */
export type MessageFields<Id extends MessageId> = { [K in FieldsOf<(typeof MESSAGES)[Id]['en']>]: string | number };

/** A recognised message line. */
export interface ParsedMessage {
  readonly id: MessageId;
  readonly lang: Lang;
  readonly fields: Readonly<Record<string, string>>;
}

/** Formats a message in a language: `format('en', 'JOINED', { name: 'Ann' })`. */
export function format<Id extends MessageId>(lang: Lang, id: Id, fields?: MessageFields<Id>): string {
  const template: string = MESSAGES[id][lang];
  if (!fields) return template;
  // A line is formatted for every move: the template is split into its parts once, not searched each time.
  const parts = partsOf(template);
  const values = fields as Record<string, string | number>;
  let line = parts[0];
  for (let i = 1; i < parts.length; i += 2) line += String(values[parts[i]]) + parts[i + 1];
  return line;
}

/** A template's text and field names, alternating: `'Turn: {name}'` → `['Turn: ', 'name', '']`. */
const PARTS = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = PARTS.get(template);
  if (!parts) PARTS.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** One player's points in a SCORE line. */
export interface ScoreEntry {
  readonly name: string;
  readonly points: number;
}

/** The `{scores}` field of SCORE and ROOM_TOTAL: `Ann 2, Bob 0`. */
export function formatScores(entries: readonly ScoreEntry[]): string {
  return entries.map((e) => `${e.name} ${e.points}`).join(', ');
}

/** The `{names}` field of PLAYERS and the `{letters}` field of LETTERS: `Ann, Bob`. */
export function formatList(items: readonly string[]): string {
  return items.join(', ');
}

/** Splits a `{names}` or `{letters}` field back into its items (names never hold `,`). */
export function parseList(field: string): string[] {
  return field === '' ? [] : field.split(', ');
}

/** Splits the `{scores}` field of SCORE or ROOM_TOTAL back into entries. */
export function parseScores(scores: string): ScoreEntry[] {
  const entries: ScoreEntry[] = [];
  // `s`: a name may hold U+2028/U+2029, which `.` alone does not match.
  for (const m of scores.matchAll(/(.+?) (\d+)(?:, |$)/gsu)) {
    entries.push({ name: m[1], points: Number(m[2]) });
  }
  return entries;
}

const NUMERIC_FIELDS = new Set(['k', 'n', 'points', 'seconds', 'count']);

interface Matcher {
  readonly lang: Lang;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

function compile(template: string, lang: Lang): Matcher {
  const names: string[] = [];
  let source = '';
  for (const part of template.split(/(\{\w+\})/)) {
    const field = /^\{(\w+)\}$/.exec(part);
    if (field) {
      names.push(field[1]);
      source += NUMERIC_FIELDS.has(field[1]) ? '(\\d+)' : field[1] === 'command' || field[1] === 'line' ? '(.*?)' : '(.+?)';
    } else {
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  // `s`: a field may hold U+2028/U+2029, which `.` alone does not match.
  return { lang, regex: new RegExp(`^${source}$`, 'su'), names };
}

const MATCHERS = new Map<MessageId, Matcher[]>();
for (const id of Object.keys(MESSAGES) as MessageId[]) {
  const entry: Entry = MESSAGES[id];
  const matchers: Matcher[] = [];
  for (const lang of LANGS) matchers.push(compile(entry[lang], lang));
  for (const alt of entry.alsoParse ?? []) matchers.push(compile(alt, 'uk'));
  MATCHERS.set(id, matchers);
}

/** Parses a line as one particular message; null when it is not that message. */
export function parseAs(id: MessageId, line: string): ParsedMessage | null {
  for (const m of MATCHERS.get(id)!) {
    const match = m.regex.exec(line);
    if (!match) continue;
    const fields: Record<string, string> = {};
    m.names.forEach((name, i) => (fields[name] = match[i + 1]));
    return { id, lang: m.lang, fields };
  }
  return null;
}

/** Recognises a message line in either language; null when it matches no entry. */
export function parseMessage(line: string): ParsedMessage | null {
  for (const id of MATCHERS.keys()) {
    const parsed = parseAs(id, line);
    if (parsed) return parsed;
  }
  return null;
}
