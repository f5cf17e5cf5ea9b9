import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import { isBot, secondsLeft } from './room-state.js';
import type { Countdown } from './room-state.js';
import { shared } from './styles.js';
import { Tick } from './tick.js';

/** One row of the scoreboard (the view state's Player fits it). */
export interface ScoreRow {
  readonly name: string;
  readonly points: number | null;
  readonly left: boolean;
}

/** A small screen with a face: a computer player. */
const BOT_ICON = html`<svg class="bot" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
  <rect x="1.5" y="3.5" width="13" height="9" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
  <circle cx="5.5" cy="8" r="1.2" fill="currentColor" /><circle cx="10.5" cy="8" r="1.2" fill="currentColor" />
  <path d="M8 1v2.5" stroke="currentColor" stroke-width="1.5" />
</svg> `;

/**
 * The scoreboard: players in turn order with their points; whose turn it is,
 * computer players marked, players who lost the connection greyed with the
 * seconds their seat is still kept (PROTOCOL.md §8.4, §8.7).
 */
@customElement('wg-players')
export class WgPlayers extends LitElement {
  static styles = [
    shared,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      :host([large]) ol {
        font-size: 1.6rem;
        gap: 0.7rem;
      }
      li {
        border: 1px solid var(--line);
        border-radius: 999px;
        padding: 0.25rem 0.75rem;
        display: flex;
        gap: 0.4rem;
        align-items: baseline;
      }
      li[aria-current='true'] {
        border-color: var(--accent);
        box-shadow: 0 0 0 2px var(--accent);
      }
      li.left {
        opacity: 0.55;
        text-decoration: line-through;
      }
      li.away {
        opacity: 0.55;
        border-style: dashed;
      }
      .pts {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .tag {
        font-size: 0.8em;
      }
      .bot {
        vertical-align: -0.1em;
        margin-right: 0.2rem;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The players in turn order, with their points. */
  @property({ attribute: false }) players: readonly ScoreRow[] = [];
  /** Our own name, marked "(you)". */
  @property() me = '';
  /** Whose turn it is; empty when no game is on. */
  @property() turnOf = '';
  /** Players whose connection dropped, with their seat's grace. */
  @property({ attribute: false }) away: Readonly<Record<string, Countdown>> = {};
  /** Projector size. */
  @property({ type: Boolean, reflect: true }) large = false;

  private readonly tick = new Tick(this, () => Object.keys(this.away).length > 0);

  render() {
    const lang = this.locale;
    const now = Date.now();
    return html`<ol aria-label=${t(lang, 'players')}>
      ${this.players.map((p) => {
        const away = secondsLeft(this.away[p.name] ?? null, now);
        const current = p.name === this.turnOf;
        const tags = [
          p.name === this.me ? t(lang, 'you') : '',
          isBot(p.name) ? t(lang, 'computer') : '',
          p.left ? t(lang, 'left') : '',
          away !== null && !p.left ? t(lang, 'away', { s: away }) : '',
        ].filter((x) => x !== '');
        return html`<li class="${p.left ? 'left' : ''} ${away !== null ? 'away' : ''}" aria-current=${current ? 'true' : 'false'}>
          <span>${isBot(p.name) ? BOT_ICON : ''}${p.name}${tags.map((x) => html` <span class="muted tag">(${x})</span>`)}</span>
          ${p.points === null ? '' : html`<span class="pts">${p.points}</span>`}
          ${current ? html`<span class="sr-only">(${t(lang, 'turn')})</span>` : ''}
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-players': WgPlayers;
  }
}
