import { describe, expect, it, vi } from 'vitest';
import { TitleController, type TitleInput } from './title-controller.js';

/** Just enough of a document: a title, a language, hidden or not, visibilitychange. */
function fakeDocument() {
  const listeners = new Set<() => void>();
  return {
    title: '',
    hidden: false,
    documentElement: { lang: '' },
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    listeners,
    show(hidden: boolean) {
      this.hidden = hidden;
      for (const f of listeners) f();
    },
  };
}

describe('TitleController', () => {
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };

  function setup() {
    const doc = fakeDocument();
    let input: TitleInput = { lang: 'en', turns: 0, myTurn: false };
    const title = new TitleController(host, () => input, doc as unknown as Document);
    title.hostConnected();
    return { doc, title, set: (next: Partial<TitleInput>) => ((input = { ...input, ...next }), title.hostUpdated()) };
  }

  it('names the page in its language, and follows a change of language', () => {
    const { doc, set } = setup();
    expect([doc.title, doc.documentElement.lang]).toEqual(['Word Guess', 'en']);
    set({ lang: 'uk' });
    expect([doc.title, doc.documentElement.lang]).toEqual(['Вгадай слово', 'uk']);
  });

  it('a new turn in a background tab shows in the title until the tab is seen', () => {
    const { doc, set } = setup();
    doc.hidden = true;
    set({ turns: 1, myTurn: true });
    expect(doc.title).toBe('▶ Your turn — Word Guess');
    doc.show(false);
    expect(doc.title).toBe('Word Guess');
  });

  it('… or until the turn is over; a turn in a visible tab changes nothing', () => {
    const { doc, set } = setup();
    doc.hidden = true;
    set({ turns: 1, myTurn: true });
    set({ myTurn: false });
    expect(doc.title).toBe('Word Guess');
    doc.hidden = false;
    set({ turns: 2, myTurn: true });
    expect(doc.title).toBe('Word Guess');
  });

  it('stops listening when the page goes', () => {
    const { doc, title } = setup();
    title.hostDisconnected();
    expect(doc.listeners.size).toBe(0);
  });
});
