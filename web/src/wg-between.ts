import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LEAVE, formatCommand } from '../../protocol/index.js';
import type { Lang, ScoreEntry } from '../../protocol/index.js';
import { emit } from './events.js';
import { t } from './i18n.js';
import { isBot, secondsLeft } from './room-state.js';
import type { Countdown } from './room-state.js';
import { shared } from './styles.js';
import { Tick } from './tick.js';

/**
 * Between a room's games (PROTOCOL.md §8.2): the room total, highest first, the
 * countdown to the next game, and Leave (`wg-send` {line: '/leave'}).
 */
@customElement('wg-between')
export class WgBetween extends LitElement {
  static styles = [
    shared,
    css`
      tr.me {
        font-weight: 700;
      }
      .next {
        font-size: 1.2rem;
        font-weight: 600;
        margin: 0 0 0.75rem;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** Our own name, marked "(you)". */
  @property() me = '';
  /** The room's code. */
  @property() code = '';
  /** The room total (ROOM_TOTAL), highest first. */
  @property({ attribute: false }) total: readonly ScoreEntry[] = [];
  /** The pause before the next game (NEXT_GAME). */
  @property({ attribute: false }) nextGame: Countdown | null = null;
  /** Games played in the room so far. */
  @property({ type: Number }) games = 0;
  /** A watcher sees the total but has no seat to leave. */
  @property({ type: Boolean }) canLeave = true;

  private readonly tick = new Tick(this, () => (secondsLeft(this.nextGame, Date.now()) ?? 0) > 0);

  render() {
    const lang = this.locale;
    const left = secondsLeft(this.nextGame, Date.now());
    return html`<section class="card" aria-labelledby="total-h">
      <h2 id="total-h">${t(lang, 'roomTotal')} ${this.code ? html`<span class="muted">${this.code}</span>` : ''}</h2>
      ${this.games > 1 ? html`<p class="muted">${t(lang, 'gamesPlayed', { n: this.games })}</p>` : ''}
      <table>
        <thead>
          <tr><th scope="col">${t(lang, 'players')}</th><th scope="col">${t(lang, 'points')}</th></tr>
        </thead>
        <tbody>
          ${this.total.map(
            (e) => html`<tr class=${e.name === this.me ? 'me' : ''}>
              <td>${e.name}${e.name === this.me ? html` <span class="muted">(${t(lang, 'you')})</span>` : ''}${isBot(e.name) ? html` <span class="muted">(${t(lang, 'computer')})</span>` : ''}</td>
              <td>${e.points}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${left !== null ? html`<p class="next" role="timer" aria-live="off">${left > 0 ? t(lang, 'nextGameIn', { s: left }) : t(lang, 'nextGameSoon')}</p>` : ''}
      ${this.canLeave ? html`<button @click=${this.leave}>${t(lang, 'leave')}</button>` : ''}
    </section>`;
  }

  private leave() {
    emit(this, 'wg-send', { line: formatCommand(LEAVE) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-between': WgBetween;
  }
}
