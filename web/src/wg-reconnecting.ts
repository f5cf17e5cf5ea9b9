import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { emit } from './events.js';
import type { PlainEvent } from './events.js';
import { t } from './i18n.js';
import type { ReconnectStatus } from './reconnect.js';
import { shared } from './styles.js';
import { Tick } from './tick.js';

/**
 * The connection dropped and the seat is kept (PROTOCOL.md §8.4): "Reconnecting…"
 * while the page tries by itself, Reconnect once it has stopped trying
 * (`wg-reconnect`). When another tab took the seat: Play here (`wg-reconnect`) or
 * Home (`wg-home`).
 */
@customElement('wg-reconnecting')
export class WgReconnecting extends LitElement {
  static styles = [
    shared,
    css`
      section {
        border-color: var(--focus);
        border-width: 2px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      p {
        margin: 0 0 0.75rem;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** Where taking the seat back stands. */
  @property({ attribute: false }) status: ReconnectStatus | null = null;
  /** Another connection took the seat (REPLACED): we do not take it back by ourselves. */
  @property({ type: Boolean }) replaced = false;

  private readonly tick = new Tick(this, () => this.status?.nextAt != null);

  updated(changed: Map<string, unknown>) {
    // Keyboard players land on the way on, once there is one.
    if (changed.has('replaced') || changed.has('status')) {
      if (this.replaced || this.status?.gaveUp) this.renderRoot.querySelector<HTMLElement>('button')?.focus();
    }
  }

  render() {
    const lang = this.locale;
    if (this.replaced) {
      return html`<section class="card" aria-labelledby="h">
        <div role="alert"><h2 id="h">${t(lang, 'replaced')}</h2></div>
        <div class="actions">
          <button class="primary" @click=${() => emit(this, 'wg-reconnect')}>${t(lang, 'playHere')}</button>
          <button @click=${() => emit(this, 'wg-home')}>${t(lang, 'home')}</button>
        </div>
      </section>`;
    }
    const s = this.status;
    const next = s?.nextAt != null ? Math.max(0, Math.ceil((s.nextAt - Date.now()) / 1000)) : null;
    return html`<section class="card" aria-labelledby="h">
      <div role="status">
        <h2 id="h">${s?.gaveUp ? t(lang, 'lost') : t(lang, 'reconnecting')}</h2>
        <p>${s?.gaveUp ? t(lang, 'reconnectGaveUp') : t(lang, 'reconnectTry', { n: (s?.tries ?? 0) + 1 })}</p>
      </div>
      ${next !== null ? html`<p class="muted">${t(lang, 'reconnectNext', { s: next })}</p>` : ''}
      <div class="actions">
        ${s?.gaveUp ? html`<button class="primary" @click=${() => emit(this, 'wg-reconnect')}>${t(lang, 'reconnect')}</button>` : ''}
        <button @click=${() => emit(this, 'wg-home')}>${t(lang, 'home')}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-reconnecting': WgReconnecting;
  }
  interface HTMLElementEventMap {
    /** Take the seat back now (Reconnect, Play here). */
    'wg-reconnect': PlainEvent;
  }
}
