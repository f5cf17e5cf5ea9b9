import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, ScoreEntry } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { ChatLine, Countdown } from './room-state.js';
import { shared } from './styles.js';
import './wg-between.js';
import './wg-chat.js';
import './wg-clock.js';
import './wg-players.js';
import type { ScoreRow } from './wg-players.js';

/**
 * The projector view of a room (PROTOCOL.md §8.6, `/watch CODE`): the word large,
 * the scoreboard, whose turn with its clock, the last moves and the chat. No
 * controls: a watcher cannot move.
 */
@customElement('wg-watch')
export class WgWatch extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      h2.room {
        font-size: clamp(1.2rem, 3vw, 2rem);
      }
      .word {
        display: flex;
        gap: 0.15em;
        justify-content: center;
        /* As large as the screen allows for this many letters. */
        font: 700 clamp(1.2rem, calc(80vw / (var(--n) * 1.3)), 8rem) / 1.1 system-ui, sans-serif;
        text-transform: uppercase;
      }
      .tile {
        min-width: 0.9em;
        padding: 0 0.1em;
        text-align: center;
        border-bottom: 0.08em solid var(--line);
      }
      .turn {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: center;
        justify-content: center;
        font-size: clamp(1.2rem, 3vw, 2rem);
        margin: 0;
      }
      .cols {
        display: grid;
        gap: 1rem;
      }
      @media (min-width: 56rem) {
        .cols {
          grid-template-columns: 1fr 1fr;
        }
      }
      ol.moves {
        margin: 0;
        padding-left: 1.25rem;
        font-size: clamp(1rem, 2vw, 1.4rem);
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The room's code. */
  @property() code = '';
  /** The word as WORD showed it last; null before a game. */
  @property() mask: string | null = null;
  /** The players in turn order, with their points. */
  @property({ attribute: false }) players: readonly ScoreRow[] = [];
  /** Whose turn it is; empty between games. */
  @property() turnOf = '';
  /** The mover's clock (CLOCK). */
  @property({ attribute: false }) clock: Countdown | null = null;
  /** Players whose connection dropped, with their seat's grace. */
  @property({ attribute: false }) away: Readonly<Record<string, Countdown>> = {};
  /** The last moves, newest first, in words. */
  @property({ attribute: false }) moves: readonly string[] = [];
  /** The chat so far. */
  @property({ attribute: false }) chat: readonly ChatLine[] = [];
  /** Between games: the room total and the next game's countdown. */
  @property({ attribute: false }) total: readonly ScoreEntry[] | null = null;
  @property({ attribute: false }) nextGame: Countdown | null = null;
  /** Games played in the room so far. */
  @property({ type: Number }) games = 0;

  render() {
    const lang = this.locale;
    const chars = [...(this.mask ?? '')];
    const label = `${t(lang, 'word')}: ${chars.map((c) => (c === '*' ? t(lang, 'blank') : c)).join(' ')}`;
    return html`
      <h2 class="room">${t(lang, 'watchTitle', { code: this.code })}</h2>
      ${this.mask === null
        ? html`<p class="card">${t(lang, 'watchWaiting')}</p>`
        : html`<div class="word card" role="img" aria-label=${label} style="--n: ${Math.max(chars.length, 4)}">
            ${chars.map((c) => html`<span class="tile">${c === '*' ? '\u00a0' : c}</span>`)}
          </div>`}
      ${this.turnOf
        ? html`<p class="turn">
            <span>${t(lang, 'turnOf', { name: this.turnOf })}</span>
            <wg-clock .locale=${lang} .clock=${this.clock}></wg-clock>
          </p>`
        : ''}
      <wg-players large .locale=${lang} .players=${this.players} .turnOf=${this.turnOf} .away=${this.away}></wg-players>
      ${this.nextGame && this.total
        ? html`<wg-between .locale=${lang} .code=${this.code} .total=${this.total} .nextGame=${this.nextGame} .games=${this.games} .canLeave=${false}></wg-between>`
        : ''}
      <div class="cols">
        <section class="card" aria-labelledby="moves-h">
          <h2 id="moves-h">${t(lang, 'lastMoves')}</h2>
          <ol class="moves">
            ${this.moves.map((m) => html`<li>${m}</li>`)}
          </ol>
        </section>
        <wg-chat .locale=${lang} .lines=${this.chat}></wg-chat>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-watch': WgWatch;
  }
}
