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
      h2 {
        font-size: clamp(1.2rem, 3vw, 2rem);
      }
      .word {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: center;
        font: 700 clamp(2.5rem, 9vw, 7rem) / 1.1 system-ui, sans-serif;
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

  @property() locale: Lang = 'en';
  @property() code = '';
  @property() mask: string | null = null;
  @property({ attribute: false }) players: readonly ScoreRow[] = [];
  @property() turnOf = '';
  @property({ attribute: false }) clock: Countdown | null = null;
  @property({ attribute: false }) away: Readonly<Record<string, Countdown>> = {};
  /** The last moves, newest first, in words. */
  @property({ attribute: false }) moves: readonly string[] = [];
  @property({ attribute: false }) chat: readonly ChatLine[] = [];
  /** Between games: the room total and the next game's countdown. */
  @property({ attribute: false }) total: readonly ScoreEntry[] | null = null;
  @property({ attribute: false }) nextGame: Countdown | null = null;
  @property({ type: Number }) games = 0;

  render() {
    const lang = this.locale;
    const chars = [...(this.mask ?? '')];
    const label = `${t(lang, 'word')}: ${chars.map((c) => (c === '*' ? t(lang, 'blank') : c)).join(' ')}`;
    return html`
      <h2>${t(lang, 'watchTitle', { code: this.code })}</h2>
      ${this.mask === null
        ? html`<p class="card">${t(lang, 'watchWaiting')}</p>`
        : html`<div class="word card" role="img" aria-label=${label}>
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
