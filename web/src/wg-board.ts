import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HIDDEN } from '../../game/rules.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { LastMove, LetterMark } from './last-move.js';
import type { Player } from './state.js';
import type { Countdown } from './room-state.js';
import { shared } from './styles.js';
import './wg-clock.js';
import './wg-keyboard.js';
import './wg-players.js';

/** Longest guess the last-move line shows whole; the Messages log has every guess in full. */
export const MAX_GUESS_SHOWN = 40;

/** A guess cut to MAX_GUESS_SHOWN code points: a 1000-letter guess must not push the keyboard off the screen. */
function shortened(value: string): string {
  const chars = [...value];
  return chars.length > MAX_GUESS_SHOWN ? `${chars.slice(0, MAX_GUESS_SHOWN).join('')}…` : value;
}

/** What the last move did, in the page's language. */
export function moveText(lang: Lang, m: LastMove): string {
  if (m.kind === 'timeout') return t(lang, 'timeout', { name: m.by });
  if (m.kind === 'left') return t(lang, 'leftGame', { name: m.by });
  const what = t(lang, m.kind === 'letter' ? 'letterBy' : 'wordBy', { name: m.by, x: shortened(m.value) });
  const p = m.earned ?? m.delta ?? 0;
  // SCORE may show more than the move earned: the winner's bonus.
  const bonus = m.delta != null && m.delta > p ? ` ${t(lang, 'bonus', { p: m.delta - p })}` : '';
  const outcome = {
    pending: t(lang, 'pending'),
    hit: t(lang, 'outHit', { p }) + bonus,
    miss: t(lang, 'outMiss'),
    already: t(lang, 'outAlready'),
    right: `${t(lang, 'outRight')} ${t(lang, 'gained', { p })}${bonus}`,
    wrong: m.delta && m.delta < 0 ? `${t(lang, 'outWrong')} (${t(lang, 'burned', { p: -m.delta })})` : t(lang, 'outWrong'),
    invalid: t(lang, 'outInvalid'),
    none: '',
  }[m.outcome];
  return `${what}: ${outcome}`;
}

/** The table in play: the word as tiles, the players in turn order, the last move, the keyboard (its `wg-send` bubbles through). */
@customElement('wg-board')
export class WgBoard extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .word {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        justify-content: center;
      }
      .tile {
        width: clamp(2.1rem, 9vw, 3.6rem);
        aspect-ratio: 4 / 5;
        display: grid;
        place-items: center;
        font-size: clamp(1.3rem, 6vw, 2.3rem);
        font-weight: 700;
        text-transform: uppercase;
        border-radius: 0.4rem;
        border: 2px solid var(--line);
        background: var(--tile);
      }
      .tile.blank {
        border-style: dashed;
        background: transparent;
      }
      .status {
        margin: 0;
        text-align: center;
        font-size: 1.1rem;
        font-weight: 600;
        min-height: 1.5em;
      }
      .status.mine {
        color: var(--accent);
      }
      .last {
        margin: 0;
        text-align: center;
        min-height: 1.5em;
      }
      .status wg-clock {
        margin-left: 0.5rem;
        font-size: 1rem;
      }
      .next {
        margin: 0;
        text-align: center;
        color: var(--private);
        font-weight: 600;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The word as WORD showed it last: `*` for a hidden letter. */
  @property() mask: string | null = null;
  /** The players in turn order, with their points. */
  @property({ attribute: false }) players: readonly Player[] = [];
  /** Our own name at the table. */
  @property() me = '';
  /** Whose turn it is (TURN_OF). */
  @property() turnOf: string | null = null;
  /** True between `/turn` and our move: the keyboard is ours. */
  @property({ type: Boolean }) myTurn = false;
  /** The game is on (not over): show whose turn it is and the keyboard. */
  @property({ type: Boolean }) live = false;
  /** The last move at the table. */
  @property({ attribute: false }) last: LastMove | null = null;
  /** Letters named so far and what became of them. */
  @property({ attribute: false }) letters: Readonly<Record<string, LetterMark>> = {};
  /** The on-screen keyboard's letters (alphabet.ts). */
  @property({ attribute: false }) alphabet: readonly string[] = [];
  /** The mover's clock (CLOCK); null when the clock is off. */
  @property({ attribute: false }) clock: Countdown | null = null;
  /** Players whose connection dropped, with their seat's grace. */
  @property({ attribute: false }) away: Readonly<Record<string, Countdown>> = {};
  /** We are seated for the next game (NEXT_SEAT): this one we only watch. */
  @property({ type: Boolean }) nextSeat = false;

  render() {
    const lang = this.locale;
    const chars = [...(this.mask ?? '')];
    const label = `${t(lang, 'word')}: ${chars.map((c) => (c === HIDDEN ? t(lang, 'blank') : c)).join(' ')}`;
    const live = this.live;
    const status = !live ? '' : this.myTurn ? t(lang, 'yourTurnShort') : this.turnOf ? t(lang, 'turnOf', { name: this.turnOf }) : '';
    return html`
      <div class="word card" role="img" aria-label=${label}>
        ${chars.map((c) => html`<span class="tile ${c === HIDDEN ? 'blank' : ''}">${c === HIDDEN ? '' : c}</span>`)}
      </div>
      ${this.nextSeat && live ? html`<p class="next">${t(lang, 'nextSeat')}</p>` : ''}
      ${status
        ? html`<p class="status ${this.myTurn ? 'mine' : ''}">
            ${status}${live && this.clock ? html`<wg-clock .locale=${lang} .clock=${this.clock} ?speak=${this.myTurn}></wg-clock>` : ''}
          </p>`
        : ''}
      ${this.last ? html`<p class="last">${moveText(lang, this.last)}</p>` : ''}
      <wg-players .locale=${lang} .players=${this.players} .me=${this.me} .turnOf=${live ? (this.turnOf ?? '') : ''} .away=${this.away}></wg-players>
      ${live
        ? html`<wg-keyboard
            class="card"
            .locale=${lang}
            .alphabet=${this.alphabet}
            .letters=${this.letters}
            .mask=${this.mask ?? ''}
            .enabled=${this.myTurn}
            .turnOf=${this.turnOf ?? ''}
          ></wg-keyboard>`
        : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-board': WgBoard;
  }
}
