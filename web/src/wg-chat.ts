import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SAY, formatCommand } from '../../protocol/index.js';
import type { Lang } from '../../protocol/index.js';
import { emit } from './events.js';
import { t } from './i18n.js';
import type { ChatLine } from './room-state.js';
import { FollowBottom } from './follow-bottom.js';
import { shared } from './styles.js';

/** Most code points of a chat line the server keeps (PROTOCOL.md §8.6). */
export const MAX_CHAT_TEXT = 300;

/**
 * Chat at the table (PROTOCOL.md §8.6): the lines in a log, always as text, and a
 * field that sends `/say TEXT` with Enter or Send (`wg-send` {line}). Without
 * `canSend` (a watcher) it only shows.
 */
@customElement('wg-chat')
export class WgChat extends LitElement {
  static styles = [
    shared,
    css`
      .lines {
        max-height: min(40vh, 20rem);
        min-height: 3rem;
        overflow-y: auto;
        margin-bottom: 0.5rem;
      }
      p {
        margin: 0;
        padding: 0.15rem 0;
        overflow-wrap: anywhere;
      }
      .who {
        font-weight: 600;
        margin-right: 0.35rem;
      }
      form {
        display: flex;
        gap: 0.4rem;
      }
      input {
        flex: 1 1 auto;
      }
      .note {
        margin: 0.35rem 0 0;
        color: var(--miss);
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The chat so far, oldest first. */
  @property({ attribute: false }) lines: readonly ChatLine[] = [];
  /** Show the field and Send (a seated player on an open connection). */
  @property({ type: Boolean }) canSend = false;
  /** Set when the server said SLOW_DOWN. */
  @property({ type: Boolean }) slow = false;

  private readonly follow = new FollowBottom(this, '.lines');

  render() {
    const lang = this.locale;
    return html`<section class="card" aria-labelledby="chat-h">
      <h2 id="chat-h">${t(lang, 'chat')}</h2>
      <div class="lines" role="log" aria-labelledby="chat-h" tabindex="0" @scroll=${this.follow.scrolled}>
        ${this.lines.length === 0 ? html`<p class="muted">${t(lang, 'noChat')}</p>` : ''}
        ${this.lines.map((c) => html`<p><span class="who">${c.name}:</span> ${c.text}</p>`)}
      </div>
      ${this.canSend
        ? html`<form @submit=${this.submit}>
            <label class="sr-only" for="say">${t(lang, 'chatField')}</label>
            <input id="say" autocomplete="off" maxlength=${MAX_CHAT_TEXT} placeholder=${t(lang, 'chatField')} />
            <button>${t(lang, 'send')}</button>
          </form>`
        : ''}
      <p class="note" role="status">${this.slow ? t(lang, 'slowDown') : ''}</p>
    </section>`;
  }

  private submit(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#say')!;
    const text = input.value.trim();
    if (text === '') return;
    input.value = '';
    emit(this, 'wg-send', { line: formatCommand(SAY, text) });
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'wg-chat': WgChat;
  }
}
