import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { BOT, LEAVE, START, formatCommand } from '../../protocol/index.js';
import type { Lang } from '../../protocol/index.js';
import { emit } from './events.js';
import { t } from './i18n.js';
import type { Countdown } from './room-state.js';
import { shared } from './styles.js';
import type { ComputerEvent } from './wg-computer.js';
import './wg-computer.js';
import './wg-players.js';
import './wg-room-code.js';

/**
 * A room filling up (PROTOCOL.md §8.2): its code and link, who is seated, seats
 * left, Start now, Add a computer player, Leave. Every button sends a line
 * (`wg-send` {line}).
 */
@customElement('wg-room-waiting')
export class WgRoomWaiting extends LitElement {
  static styles = [
    shared,
    css`
      section {
        display: grid;
        gap: 1rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      p {
        margin: 0;
      }
      .note {
        color: var(--miss);
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The room's code. */
  @property() code = '';
  /** The link friends open to sit down. */
  @property() link = '';
  /** The projector view's link. */
  @property() watchLink = '';
  /** Our own name, marked "(you)". */
  @property() me = '';
  /** Everyone seated, in turn order. */
  @property({ attribute: false }) seated: readonly string[] = [];
  /** Players whose connection dropped, with their seat's grace. */
  @property({ attribute: false }) away: Readonly<Record<string, Countdown>> = {};
  /** From WAITING: k players of n. */
  @property({ attribute: false }) waiting: { readonly k: number; readonly n: number } | null = null;
  /** NO_BOT_SEAT just came. */
  @property({ type: Boolean }) noBotSeat = false;

  render() {
    const lang = this.locale;
    const w = this.waiting;
    const free = w ? w.n - w.k : null;
    return html`<section class="card" aria-labelledby="wait-h">
      <h2 id="wait-h">${t(lang, 'roomTitle', { code: this.code })} · ${t(lang, 'waiting')}</h2>
      <wg-room-code .locale=${lang} .code=${this.code} .link=${this.link} .watchLink=${this.watchLink}></wg-room-code>
      <wg-players .locale=${lang} .me=${this.me} .away=${this.away} .players=${this.seated.map((name) => ({ name, points: null, left: false }))}></wg-players>
      ${w ? html`<p>${free ? t(lang, 'seatsLeft', { m: free, n: w.n }) : t(lang, 'roomFilled')}</p>` : ''}
      <div class="actions">
        <button class="primary" @click=${() => this.send(formatCommand(START))}>${t(lang, 'startNow')}</button>
        <wg-computer .locale=${lang} action="addBot" ?busy=${free === 0} @wg-computer=${(e: ComputerEvent) => this.send(formatCommand(BOT, e.detail.level))}></wg-computer>
        <button @click=${() => this.send(formatCommand(LEAVE))}>${t(lang, 'leave')}</button>
      </div>
      <p class="note" role="status">${this.noBotSeat ? t(lang, 'noBotSeat') : ''}</p>
    </section>`;
  }

  private send(line: string) {
    emit(this, 'wg-send', { line });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-room-waiting': WgRoomWaiting;
  }
}
