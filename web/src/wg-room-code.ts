import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import { shared } from './styles.js';

/** The room's code and link, large enough to read out to a class, with Copy. */
@customElement('wg-room-code')
export class WgRoomCode extends LitElement {
  static styles = [
    shared,
    css`
      .code {
        font: 700 clamp(2.2rem, 12vw, 4rem) / 1.1 ui-monospace, monospace;
        letter-spacing: 0.2em;
        margin: 0 0 0.5rem;
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      input {
        flex: 1 1 14rem;
        font-family: ui-monospace, monospace;
      }
      label {
        font-weight: 600;
        display: block;
        margin-bottom: 0.25rem;
      }
      p {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The room's code, shown large. */
  @property() code = '';
  /** The link friends open to sit down. */
  @property() link = '';
  /** The projector view's link; none to hide it. */
  @property() watchLink = '';
  @state() private copied: 'no' | 'yes' | 'failed' = 'no';

  render() {
    const lang = this.locale;
    return html`<div>
      <h2 id="code-h">${t(lang, 'roomCode')}</h2>
      <p class="code">${this.code}</p>
      <label for="link">${t(lang, 'roomLink')}</label>
      <div class="row">
        <input id="link" readonly .value=${this.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button class="primary" @click=${this.copy}>${t(lang, 'copyLink')}</button>
      </div>
      <p class="muted" role="status">${this.copied === 'yes' ? t(lang, 'copied') : this.copied === 'failed' ? t(lang, 'copyFailed') : ''}</p>
      <p class="muted">${t(lang, 'shareHint', { code: this.code })}</p>
      ${this.watchLink ? html`<p><a href=${this.watchLink} target="_blank" rel="noopener">${t(lang, 'projector')}</a></p>` : ''}
    </div>`;
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.link);
      this.copied = 'yes';
    } catch {
      // No clipboard (an http page on another host, or denied): leave the link selected.
      this.renderRoot.querySelector<HTMLInputElement>('#link')?.select();
      this.copied = 'failed';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-room-code': WgRoomCode;
  }
}
