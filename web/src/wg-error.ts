import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { ConnError } from './state.js';
import { emit } from './events.js';
import type { PlainEvent } from './events.js';
import { shared } from './styles.js';

/** A connection problem, said plainly, with a way on: `wg-again` or `wg-home`. */
@customElement('wg-error')
export class WgError extends LitElement {
  static styles = [
    shared,
    css`
      section {
        border-color: var(--miss);
        border-width: 2px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** What went wrong, with the close code and the server's or gateway's words. */
  @property({ attribute: false }) error: ConnError | null = null;

  firstUpdated() {
    // Keyboard players land on the way on.
    this.renderRoot.querySelector<HTMLElement>('button')?.focus();
  }

  render() {
    const e = this.error;
    if (!e) return '';
    const lang = this.locale;
    return html`<section class="card" aria-labelledby="h">
      <h2 id="h">${t(lang, e.kind)}</h2>
      ${e.detail ? html`<p>${e.detail}</p>` : ''}
      <p class="muted">${t(lang, 'code', { code: e.code })}</p>
      <div class="actions">
        <button class="primary" @click=${() => emit(this, 'wg-again')}>${t(lang, e.kind === 'refused' ? 'joinAgain' : 'reconnect')}</button>
        <button @click=${() => emit(this, 'wg-home')}>${t(lang, 'changeName')}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-error': WgError;
  }
  interface HTMLElementEventMap {
    'wg-again': PlainEvent;
    'wg-home': PlainEvent;
  }
}
