import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { LogEntry } from './state.js';
import { FollowBottom } from './follow-bottom.js';
import { shared } from './styles.js';

/** Every line the server sent, as text; lines meant for us alone are marked. */
@customElement('wg-log')
export class WgLog extends LitElement {
  static styles = [
    shared,
    css`
      .log {
        max-height: min(55vh, 32rem);
        overflow-y: auto;
        font-size: 0.92rem;
      }
      p {
        margin: 0;
        padding: 0.2rem 0.5rem;
        border-left: 3px solid transparent;
        overflow-wrap: anywhere;
      }
      p.player {
        border-left-color: var(--private);
        background: var(--private-bg);
      }
      p.command {
        font-family: ui-monospace, monospace;
        color: var(--muted);
      }
      p.other {
        font-style: italic;
      }
      .tag {
        font-size: 0.75rem;
        color: var(--private);
        font-weight: 600;
        margin-right: 0.35rem;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** Every line the server sent, in order. */
  @property({ attribute: false }) entries: readonly LogEntry[] = [];

  private readonly follow = new FollowBottom(this, '.log');

  render() {
    return html`<section class="card" aria-labelledby="h">
      <h2 id="h">${t(this.locale, 'log')}</h2>
      <div class="log" role="log" aria-labelledby="h" tabindex="0" @scroll=${this.follow.scrolled}>
        ${this.entries.map(
          (e) => html`<p class=${e.kind}>${e.kind === 'player' ? html`<span class="tag">${t(this.locale, 'private')}:</span>` : ''}${e.text}</p>`,
        )}
      </div>
    </section>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'wg-log': WgLog;
  }
}
