import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { State } from './state.js';
import { emit } from './events.js';
import type { PlainEvent } from './events.js';
import { shared } from './styles.js';

/** The end: results in turn order, the winner highlighted, Play again (`wg-again`). */
@customElement('wg-results')
export class WgResults extends LitElement {
  static styles = [
    shared,
    css`
      tr.winner {
        background: var(--win-bg);
        font-weight: 700;
      }
      .won {
        font-size: 1.3rem;
        color: var(--accent);
        font-weight: 700;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** Our own name, marked "(you)". */
  @property() me = '';
  /** Who won (highlighted); empty when nobody can tell. */
  @property() winner = '';
  /** The RESULT lines, in turn order. */
  @property({ attribute: false }) results: NonNullable<State['results']> = [];
  /** Offer Play again (a room plays on by itself instead). */
  @property({ type: Boolean }) again = true;

  firstUpdated() {
    // Keyboard players land on Play again.
    this.renderRoot.querySelector<HTMLElement>('button')?.focus();
  }

  render() {
    const lang = this.locale;
    return html`<section class="card" aria-labelledby="h">
      <h2 id="h">${t(lang, 'over')}</h2>
      <p class=${this.winner === this.me ? 'won' : ''}>
        ${this.winner === this.me ? t(lang, 'youWon') : this.winner ? t(lang, 'winner', { name: this.winner }) : ''}
      </p>
      <table>
        <thead>
          <tr><th scope="col">${t(lang, 'players')}</th><th scope="col">${t(lang, 'points')}</th></tr>
        </thead>
        <tbody>
          ${this.results.map(
            (r) => html`<tr class=${r.name === this.winner ? 'winner' : ''}>
              <td>${r.name === this.winner ? '★ ' : ''}${r.name}${r.name === this.me ? html` <span class="muted">(${t(lang, 'you')})</span>` : ''}</td>
              <td>${r.points}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.again ? html`<button class="primary" @click=${this.playAgain}>${t(lang, 'playAgain')}</button>` : ''}
    </section>`;
  }

  private playAgain() {
    emit(this, 'wg-again');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-results': WgResults;
  }
  interface HTMLElementEventMap {
    'wg-again': PlainEvent;
  }
}
