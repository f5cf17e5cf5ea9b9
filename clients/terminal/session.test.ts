import { describe, expect, it } from 'vitest';
import { ClientSession } from './session.js';

const pipe = () => new ClientSession({ queueEarlyInput: true });
const terminal = () => new ClientSession({ queueEarlyInput: false });

describe('client session', () => {
  it('sends the name first', () => {
    expect(pipe().connected('Ann')).toEqual([{ kind: 'send', line: 'Ann' }]);
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
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt' }]);
    expect(s.input('а')).toEqual([{ kind: 'send', line: '/letter а' }]);
    s.serverLine('/turn');
    expect(s.input('  лапа ')).toEqual([{ kind: 'send', line: '/word лапа' }]);
  });

  it('asks again after empty input, and the turn stays', () => {
    const s = terminal();
    s.serverLine('/turn');
    expect(s.input('   ')).toEqual([{ kind: 'prompt' }]);
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
    expect(s.serverLine('/turn')).toEqual([{ kind: 'prompt' }]);
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
    expect(s.serverClosed()).toEqual([]);
    expect(s.serverLine('late line')).toEqual([]);
  });

  it('exits 1 when the server closes before /quit', () => {
    expect(pipe().serverClosed()).toEqual([
      { kind: 'notice', line: 'The server closed the connection before the game was over.' },
      { kind: 'exit', code: 1 },
    ]);
  });

  it('plays the §6 example as Ann', () => {
    const s = pipe();
    const sent: string[] = [];
    const printed: string[] = [];
    const run = (effects: ReturnType<ClientSession['serverLine']>) => {
      for (const a of effects) {
        if (a.kind === 'send') sent.push(a.line);
        if (a.kind === 'print') printed.push(a.line);
      }
      return effects;
    };
    run(s.connected('Ann'));
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
