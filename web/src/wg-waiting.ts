import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { Player, State } from './state.js';
import { shared } from './styles.js';

/** Who has joined the table, and how many more it needs. */
@customElement('wg-waiting')
export class WgWaiting extends LitElement {
  static styles = [
    shared,
    css`
      ul {
        padding-left: 1.25rem;
      }
      .me {
        font-weight: 600;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** Our own name, marked "(you)". */
  @property() me = '';
  /** Who has joined, in order. */
  @property({ attribute: false }) players: readonly Player[] = [];
  /** From WAITING: k players of n. */
  @property({ attribute: false }) waiting: State['waiting'] = null;

  render() {
    const w = this.waiting;
    // We only see JOINED lines from our own on; WAITING counts the ones before.
    const earlier = w ? w.k - this.players.length : 0;
    return html`<section class="card" aria-labelledby="h">
      <h2 id="h">${t(this.locale, 'waiting')}</h2>
      ${w ? html`<p>${t(this.locale, 'needMore', { k: w.k, n: w.n, m: w.n - w.k })}</p>` : ''}
      <ul aria-label=${t(this.locale, 'players')}>
        ${earlier > 0 ? html`<li class="muted">${t(this.locale, 'earlier', { m: earlier })}</li>` : ''}
        ${this.players.map(
          (p) => html`<li class=${p.name === this.me ? 'me' : ''}>${p.name}${p.name === this.me ? html` (${t(this.locale, 'you')})` : ''}</li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-waiting': WgWaiting;
  }
}
