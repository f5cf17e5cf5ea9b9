import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { WireEntry } from './state.js';
import { shared } from './styles.js';

const ARROW = { in: '←', out: '→', meta: '·' } as const;

function time(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** The raw lines both ways with time and direction: what telnet would show. */
@customElement('wg-wire')
export class WgWire extends LitElement {
  static styles = [
    shared,
    css`
      .wire {
        max-height: min(45vh, 26rem);
        overflow: auto;
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 0.8rem;
        background: var(--bg);
        border-radius: 0.4rem;
        padding: 0.4rem;
      }
      div.row {
        display: grid;
        grid-template-columns: auto auto 1fr;
        gap: 0.5rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .out {
        color: var(--accent);
      }
      .meta {
        color: var(--muted);
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The raw lines both ways, and the socket's open and close. */
  @property({ attribute: false }) entries: readonly WireEntry[] = [];

  render() {
    return html`<section class="card" aria-labelledby="h">
      <h2 id="h">${t(this.locale, 'wire')}</h2>
      <p class="muted">${t(this.locale, 'wireHint')}</p>
      <div class="wire" role="region" aria-labelledby="h" tabindex="0">
        ${this.entries.map(
          (w) => html`<div class="row ${w.dir}"><span class="muted">${time(w.t)}</span><span>${ARROW[w.dir]}</span><span>${w.text}</span></div>`,
        )}
      </div>
    </section>`;
  }

  updated() {
    const el = this.renderRoot.querySelector('.wire');
    if (el) el.scrollTop = el.scrollHeight;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-wire': WgWire;
  }
}
