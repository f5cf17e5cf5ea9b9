import { describe, expect, it } from 'vitest';
import { format, type MessageFields, type MessageId } from '../../protocol/catalog.js';
import { ClientSession, type TerminalEffect, type SessionOptions } from './session.js';

/** A session for Ann, started and connected, its first lines sent. */
function connected(options: Partial<SessionOptions> = {}): ClientSession {
  const s = new ClientSession({ queueEarlyInput: true, name: 'Ann', ...options });
  s.start();
  s.connected();
  return s;
}
const pipe = () => connected();
const terminal = () => connected({ queueEarlyInput: false });

describe('client session', () => {
  it('connects at once with a name, and sends the name first', () => {
    const s = new ClientSession({ queueEarlyInput: true, name: 'Ann' });
    expect(s.start()).toEqual([{ kind: 'connect', afterMs: 0 }]);
    expect(s.connected()).toEqual([{ kind: 'send', line: 'Ann' }]);
  });

  it('without a name, asks for one and connects once it is typed', () => {
    const s = new ClientSession({ queueEarlyInput: false });
    expect(s.start()).toEqual([{ kind: 'prompt', for: 'name' }]);
    expect(s.input('  ')).toEqual([{ kind: 'prompt', for: 'name' }]);
    expect(s.input(' Bob ')).toEqual([{ kind: 'connect', afterMs: 0 }]);
    expect(s.connected()).toEqual([{ kind: 'send', line: 'Bob' }]);
  });

  it('prints message lines as they are, whatever their language', () => {
    const s = pipe();
    for (const line of ['Слово: *а*а', 'Word: ****', '  spaced  ', '']) {
      expect(s.serverLine(line)).toEqual([{ kind: 'print', line }]);
    }
  });

  it('prints a server line without control characters: no OSC 52, OSC 0, CSI 2J, bell or bidi override reaches the terminal', () => {
    const s = pipe();
    const hostile: [string, string][] = [
      ['\x1b]52;c;aGVsbG8=\x07Word: ****', 'Word: ****'], // writes the clipboard
      ['\x1b]0;pwned\x1b\\Turn: Ann', 'Turn: Ann'], // retitles the window
      ['\x1b[2J\x1b[HScore: Ann 0', 'Score: Ann 0'], // clears the screen
      ['Ann\x07\x08\x00 joined the game', 'Ann joined the game'],
      ['\u202eAnn\u202c joined the game', 'Ann joined the game'],
      ['\x9b31mred\x9d0;t\x9c', 'red'],
    ];
    for (const [line, shown] of hostile) expect(s.serverLine(line)).toEqual([{ kind: 'print', line: shown }]);
  });

  it('prompts on /turn and sends one letter as /letter, more as /word', () => {
    const s = terminal();
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt', for: 'move' }]);
    expect(s.input('а')).toEqual([{ kind: 'send', line: '/letter а' }]);
    s.serverLine('/turn');
    expect(s.input('  лапа ')).toEqual([{ kind: 'send', line: '/word лапа' }]);
  });

  it('asks again after empty input, and the turn stays', () => {
    const s = terminal();
    s.serverLine('/turn');
    expect(s.input('   ')).toEqual([{ kind: 'prompt', for: 'move' }]);
    expect(s.input('x')).toEqual([{ kind: 'send', line: '/letter x' }]);
  });

  it('sends one guess per /turn, never more', () => {
    const s = terminal();
    s.serverLine('/turn');
    s.input('a');
    expect(s.input('b')).toEqual([{ kind: 'notice', line: 'It is not your turn yet; wait for the prompt.' }]);
  });

  it('on a pipe, answers each /turn with the next line typed ahead, skipping empty ones', () => {
    const s = pipe();
    expect(s.input('a')).toEqual([]);
    expect(s.input('')).toEqual([]);
    expect(s.input('лапа')).toEqual([]);
    expect(s.serverLine('/turn')).toEqual([{ kind: 'send', line: '/letter a' }]);
    expect(s.serverLine('/turn')).toEqual([{ kind: 'send', line: '/word лапа' }]);
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt', for: 'move' }]);
    expect(s.input('b')).toEqual([{ kind: 'send', line: '/letter b' }]);
  });

  it('stays in the game after the end of input, and leaves only at a turn it cannot answer', () => {
    const s = pipe();
    s.input('a');
    expect(s.endOfInput()).toEqual([]);
    expect(s.serverLine('Turn: Ann')).toEqual([{ kind: 'print', line: 'Turn: Ann' }]);
    expect(s.serverLine('/turn')).toEqual([{ kind: 'send', line: '/letter a' }]);
    expect(s.serverLine('/turn')).toEqual([
      { kind: 'notice', line: 'It is your turn, but the input has ended: leaving the game.' },
      { kind: 'send', line: '/leave' },
      { kind: 'exit', code: 0 },
    ]);
  });

  it('leaves at once when the input ends during its own turn', () => {
    const s = terminal();
    s.serverLine('/turn');
    expect(s.endOfInput()).toContainEqual({ kind: 'exit', code: 0 });
  });

  it('exits 0 on /quit, and a close after it is no error', () => {
    const s = pipe();
    expect(s.serverLine('/quit')).toEqual([{ kind: 'exit', code: 0 }]);
    expect(s.connectionLost(null)).toEqual([]);
    expect(s.serverLine('late line')).toEqual([]);
  });

  it('exits 1 when the server closes before /quit and no seat is kept', () => {
    expect(pipe().connectionLost(null)).toEqual([
      { kind: 'notice', line: 'The server closed the connection before the game was over.' },
      { kind: 'exit', code: 1 },
    ]);
  });

  it('plays the §6 example as Ann', () => {
    const s = new ClientSession({ queueEarlyInput: true, name: 'Ann' });
    s.start();
    const sent: string[] = [];
    const printed: string[] = [];
    const run = (effects: ReturnType<ClientSession['serverLine']>) => {
      for (const a of effects) {
        if (a.kind === 'send') sent.push(a.line);
        if (a.kind === 'print') printed.push(a.line);
      }
      return effects;
    };
    run(s.connected());
    s.input('а');
    s.input('липа');
    const fromServer = [
      'До гри приєднався(лась) Ann',
      'До гри приєднався(лась) Bob',
      'Гра почалась!',
      'Слово: ****',
      'Хід Ann',
      '/turn',
      'Ви заробили балів: 2',
      'Слово: *а*а',
      'Хід Ann',
      '/turn',
      'На жаль, Ваші бали "згоріли"',
      'Хід Bob',
      'Названо слово "лапа"',
      'Гру закінчено!',
      'Ann 0',
      'Bob 6',
    ];
    for (const line of fromServer) run(s.serverLine(line));
    expect(run(s.serverLine('/quit'))).toEqual([{ kind: 'exit', code: 0 }]);
    expect(sent).toEqual(['Ann', '/letter а', '/word липа']);
    expect(printed).toEqual(fromServer.filter((l) => l !== '/turn'));
  });
});

/** Runs actions of one kind out of a list, for short expectations. */
const sends = (actions: readonly TerminalEffect[]) => actions.filter((a) => a.kind === 'send').map((a) => (a as { line: string }).line);
const kinds = (actions: readonly TerminalEffect[]) => actions.map((a) => a.kind);
const en = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('en', id, fields);
const uk = <Id extends MessageId>(id: Id, fields?: MessageFields<Id>) => format('uk', id, fields);

describe('client session: rooms (PROTOCOL.md §8.1–8.2)', () => {
  it('--new: sends /new with its settings, shows the code large, then the words, then the name', () => {
    const s = new ClientSession({ queueEarlyInput: true, name: 'Ann', plan: { kind: 'new', settings: ['players=3', 'turn=30'], words: ['кіт', 'пес'] } });
    expect(s.start()).toEqual([{ kind: 'connect', afterMs: 0 }]);
    expect(s.connected()).toEqual([{ kind: 'send', line: '/new players=3 turn=30' }]);
    const opened = s.serverLine(uk('ROOM_OPENED', { code: 'K7M2P' }));
    expect(kinds(opened)).toEqual(['print', 'banner', 'send', 'send']);
    expect(sends(opened)).toEqual(['/words кіт пес', 'Ann']);
    const banner = opened.find((a) => a.kind === 'banner') as { lines: readonly string[] };
    expect(banner.lines.join('\n')).toContain('Room code: K 7 M 2 P');
  });

  it('--new refused (BAD_SETTING): shows the answer and exits 1, never sitting at a public table', () => {
    const s = new ClientSession({ queueEarlyInput: true, name: 'Ann', plan: { kind: 'new', settings: ['players=99'], words: [] } });
    s.start();
    s.connected();
    const refused = s.serverLine(en('BAD_SETTING', { setting: 'players=99' }));
    expect(refused).toEqual([
      { kind: 'print', line: en('BAD_SETTING', { setting: 'players=99' }) },
      { kind: 'notice', line: 'The server refused what the command line asked for.' },
      { kind: 'exit', code: 1 },
    ]);
  });

  it('--join: the name waits for ROOM_READY; NO_ROOM and ROOM_FULL exit 1', () => {
    const s = new ClientSession({ queueEarlyInput: true, name: 'Bob', plan: { kind: 'join', code: 'K7M2P' } });
    s.start();
    expect(s.connected()).toEqual([{ kind: 'send', line: '/join K7M2P' }]);
    expect(sends(s.serverLine(en('ROOM_READY', { code: 'K7M2P' })))).toEqual(['Bob']);
    for (const refusal of [en('NO_ROOM', { code: 'ZZZZZ' }), uk('ROOM_FULL', { code: 'ZZZZZ' })]) {
      const t = new ClientSession({ queueEarlyInput: true, name: 'Bob', plan: { kind: 'join', code: 'ZZZZZ' } });
      t.start();
      t.connected();
      expect(t.serverLine(refusal).at(-1)).toEqual({ kind: 'exit', code: 1 });
    }
  });

  it('--join: ROOM_FULL after the name (the room filled meanwhile) exits 1 too', () => {
    const s = new ClientSession({ queueEarlyInput: true, name: 'Bob', plan: { kind: 'join', code: 'K7M2P' } });
    s.start();
    s.connected();
    s.serverLine(en('ROOM_READY', { code: 'K7M2P' }));
    expect(s.serverLine(en('ROOM_FULL', { code: 'K7M2P' })).at(-1)).toEqual({ kind: 'exit', code: 1 });
  });

  it('--join without --name: asks for the name once the room is ready, and sends it', () => {
    const s = new ClientSession({ queueEarlyInput: false, plan: { kind: 'join', code: 'K7M2P' } });
    expect(s.start()).toEqual([{ kind: 'connect', afterMs: 0 }]);
    s.connected();
    expect(s.serverLine(en('ROOM_READY', { code: 'K7M2P' })).at(-1)).toEqual({ kind: 'prompt', for: 'name' });
    expect(s.input('Cid')).toEqual([{ kind: 'send', line: 'Cid' }]);
  });

  it('a lobby command typed at the name prompt goes through, and the name is still asked', () => {
    const s = new ClientSession({ queueEarlyInput: false });
    s.start();
    expect(s.input('/help')).toEqual([{ kind: 'connect', afterMs: 0 }]);
    expect(s.connected()).toEqual([{ kind: 'send', line: '/help' }, { kind: 'prompt', for: 'name' }]);
    expect(s.input('/join k7m2p')).toEqual([
      { kind: 'send', line: '/join k7m2p' },
      { kind: 'prompt', for: 'name' },
    ]);
    // A refusal of what was typed: try again, still in the lobby.
    expect(s.serverLine(en('NO_ROOM', { code: 'K7M2P' }))).toEqual([{ kind: 'print', line: en('NO_ROOM', { code: 'K7M2P' }) }]);
    expect(s.input('Dan')).toEqual([{ kind: 'send', line: 'Dan' }]);
  });

  it('a name the room refuses (ROOM_FULL after /join typed by hand) asks for a name again', () => {
    const s = new ClientSession({ queueEarlyInput: false });
    s.start();
    s.input('/join K7M2P');
    s.connected();
    s.input('Dan');
    expect(s.serverLine(en('ROOM_FULL', { code: 'K7M2P' })).at(-1)).toEqual({ kind: 'prompt', for: 'name' });
    expect(s.input('Dan')).toEqual([{ kind: 'send', line: 'Dan' }]);
  });

  it('/start, /leave, /help and /say pass through at any time, and a turn stays the player’s', () => {
    const s = terminal();
    for (const line of ['/start', '/help', '/say hello, all', '/leave']) expect(s.input(`  ${line} `)).toEqual([{ kind: 'send', line }]);
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt', for: 'move' }]);
    expect(s.input('/say my turn')).toEqual([{ kind: 'send', line: '/say my turn' }]);
    // The server answers and sends /turn again (§8.6): still asked.
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt', for: 'move' }]);
    expect(s.input('a')).toEqual([{ kind: 'send', line: '/letter a' }]);
  });

  it('on a pipe, a command typed ahead goes at once while guesses wait for their turns', () => {
    const s = pipe();
    expect(s.input('a')).toEqual([]);
    expect(s.input('/say hi')).toEqual([{ kind: 'send', line: '/say hi' }]);
    expect(s.serverLine('/turn')).toEqual([{ kind: 'send', line: '/letter a' }]);
  });

  it('a move typed as a command is sent as typed, not as a word', () => {
    const s = terminal();
    s.serverLine('/turn');
    expect(s.input('/letter q')).toEqual([{ kind: 'send', line: '/letter q' }]);
    s.serverLine('/turn');
    expect(s.input('/word quiz')).toEqual([{ kind: 'send', line: '/word quiz' }]);
  });

  it('game after game in a room: ROOM_TOTAL and NEXT_GAME are shown, and the client stays', () => {
    const s = pipe();
    for (const line of [en('GAME_OVER'), 'Ann 8', en('ROOM_TOTAL', { code: 'K7M2P', scores: 'Ann 8' }), en('NEXT_GAME', { seconds: 10 }), en('STARTED')]) {
      expect(s.serverLine(line)).toEqual([{ kind: 'print', line }]);
    }
  });
});

describe('client session: watching (§8.6)', () => {
  it('--watch: no name, no prompt; lines are shown, a guess is refused by the client, /leave goes through', () => {
    const s = new ClientSession({ queueEarlyInput: false, plan: { kind: 'watch', code: 'K7M2P' } });
    expect(s.start()).toEqual([{ kind: 'connect', afterMs: 0 }]);
    expect(s.connected()).toEqual([{ kind: 'send', line: '/watch K7M2P' }]);
    expect(s.serverLine(en('WATCHING', { code: 'K7M2P' }))).toEqual([{ kind: 'print', line: en('WATCHING', { code: 'K7M2P' }) }]);
    expect(s.input('a')).toEqual([{ kind: 'notice', line: 'You are watching, not playing: type /leave to stop watching.' }]);
    expect(s.input('/leave')).toEqual([{ kind: 'send', line: '/leave' }]);
    expect(s.serverLine('/quit')).toEqual([{ kind: 'exit', code: 0 }]);
  });

  it('--watch of an unknown room exits 1', () => {
    const s = new ClientSession({ queueEarlyInput: false, plan: { kind: 'watch', code: 'ZZZZZ' } });
    s.start();
    s.connected();
    expect(s.serverLine(en('NO_ROOM', { code: 'ZZZZZ' })).at(-1)).toEqual({ kind: 'exit', code: 1 });
  });

  it('a watcher whose connection drops watches again by itself', () => {
    const s = new ClientSession({ queueEarlyInput: false, plan: { kind: 'watch', code: 'K7M2P' }, random: () => 0 });
    s.start();
    s.connected();
    s.serverLine(en('WATCHING', { code: 'K7M2P' }));
    expect(s.connectionLost('ECONNRESET').at(-1)).toEqual({ kind: 'connect', afterMs: 500 });
    expect(s.connected()).toEqual([{ kind: 'send', line: '/watch K7M2P' }]);
  });
});

describe('client session: a dropped connection in a game (§8.4)', () => {
  const KEY = '23456789';
  /** Ann seated, her key known, her turn about to come. */
  function seated(random = () => 0): ClientSession {
    const s = connected({ queueEarlyInput: false, random, where: '127.0.0.1:30003' });
    s.serverLine(en('JOINED', { name: 'Ann' }));
    s.serverLine(en('SEAT_KEY', { key: KEY }));
    return s;
  }

  it('reconnects after a delay and sends /back KEY by itself; RESUMED puts it back in the game', () => {
    const s = seated();
    expect(s.connectionLost('ECONNRESET')).toEqual([
      { kind: 'notice', line: 'Lost the connection to the game server at 127.0.0.1:30003: ECONNRESET; reconnecting in 0.5 s (try 1 of 5)…' },
      { kind: 'connect', afterMs: 500 },
    ]);
    expect(s.connected()).toEqual([{ kind: 'send', line: `/back ${KEY}` }]);
    s.serverLine(en('RESUMED', { name: 'Ann' }));
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt', for: 'move' }]);
    expect(s.input('x')).toEqual([{ kind: 'send', line: '/letter x' }]);
  });

  it('a server that closed cleanly in a game is tried again too', () => {
    expect(seated().connectionLost(null).at(-1)).toEqual({ kind: 'connect', afterMs: 500 });
  });

  it('tries 5 times with growing delays, then gives up with exit 1 and says how to come back', () => {
    const s = seated(() => 1);
    const delays = [(s.connectionLost('ECONNRESET').at(-1) as { afterMs: number }).afterMs];
    for (let i = 0; i < 4; i++) delays.push((s.connectFailed('ECONNREFUSED').at(-1) as { afterMs: number }).afterMs);
    expect(delays).toEqual([750, 1500, 3000, 6000, 12000]);
    const gaveUp = s.connectFailed('ECONNREFUSED');
    expect(gaveUp.at(-1)).toEqual({ kind: 'exit', code: 1 });
    expect((gaveUp[0] as { line: string }).line).toMatch(new RegExp(`Gave up after 5 tries\\. .*--back ${KEY}`));
  });

  it('a drop before RESUMED counts as a try; a success starts the count again', () => {
    const s = seated();
    s.connectionLost('ECONNRESET');
    s.connected();
    expect(s.connectionLost(null).at(-1)).toEqual({ kind: 'connect', afterMs: 1000 });
    s.connected();
    s.serverLine(en('RESUMED', { name: 'Ann' }));
    expect(s.connectionLost(null).at(-1)).toEqual({ kind: 'connect', afterMs: 500 });
  });

  it('NO_SEAT (the seat was given up meanwhile) exits 1', () => {
    const s = seated();
    s.connectionLost('ECONNRESET');
    s.connected();
    expect(s.serverLine(en('NO_SEAT'))).toEqual([
      { kind: 'print', line: en('NO_SEAT') },
      { kind: 'notice', line: 'The seat could not be taken back.' },
      { kind: 'exit', code: 1 },
    ]);
  });

  it('lines typed while reconnecting: commands wait to be sent after /back, guesses wait for the turn', () => {
    const s = connected({ queueEarlyInput: true, random: () => 0 });
    s.serverLine(en('SEAT_KEY', { key: KEY }));
    s.connectionLost('ECONNRESET');
    expect(s.input('/say back soon')).toEqual([]);
    expect(s.input('e')).toEqual([]);
    expect(s.connected()).toEqual([
      { kind: 'send', line: `/back ${KEY}` },
      { kind: 'send', line: '/say back soon' },
    ]);
    s.serverLine(en('RESUMED', { name: 'Ann' }));
    expect(s.serverLine('/turn')).toEqual([{ kind: 'send', line: '/letter e' }]);
  });

  it('after /quit (the game is over, or REPLACED) a closed connection is no drop', () => {
    const s = seated();
    s.serverLine(en('REPLACED'));
    expect(s.serverLine('/quit')).toEqual([{ kind: 'exit', code: 0 }]);
    expect(s.connectionLost(null)).toEqual([]);
  });

  it('--back KEY: takes the seat back from a new start', () => {
    const s = new ClientSession({ queueEarlyInput: false, plan: { kind: 'back', key: KEY } });
    expect(s.start()).toEqual([{ kind: 'connect', afterMs: 0 }]);
    expect(s.connected()).toEqual([{ kind: 'send', line: `/back ${KEY}` }]);
    s.serverLine(en('RESUMED', { name: 'Ann' }));
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt', for: 'move' }]);
  });

  it('a /back KEY typed at the name prompt takes the seat back, and is sent again after a drop', () => {
    const s = new ClientSession({ queueEarlyInput: false, random: () => 0 });
    s.start();
    expect(s.input(`/back ${KEY}`)).toEqual([{ kind: 'connect', afterMs: 0 }]);
    s.connected();
    s.serverLine(en('RESUMED', { name: 'Ann' }));
    expect(s.connectionLost(null).at(-1)).toEqual({ kind: 'connect', afterMs: 500 });
    expect(s.connected()).toEqual([{ kind: 'send', line: `/back ${KEY}` }]);
  });

  it('Ctrl-C sends /leave, so the seat is freed at once, then exits 130', () => {
    expect(seated().interrupt()).toEqual([
      { kind: 'send', line: '/leave' },
      { kind: 'exit', code: 130 },
    ]);
  });
});
