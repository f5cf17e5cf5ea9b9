import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { commandForGuess, letterCommand } from '../../protocol/index.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import { typedLetter } from './alphabet.js';
import { normalize } from '../../game/rules.js';
import type { LetterMark } from './last-move.js';
import { emit } from './events.js';
import type { SendEvent } from './events.js';
import { shared } from './styles.js';

/**
 * The on-screen keyboard and the word field. Any letter typed on the physical
 * keyboard names it too, whatever the on-screen alphabet; one letter in the word
 * field is sent as a letter, never as a one-letter word. Fires `wg-send` {line}.
 */
@customElement('wg-keyboard')
export class WgKeyboard extends LitElement {
  static styles = [
    shared,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      legend {
        padding: 0;
        margin-bottom: 0.5rem;
        font-weight: 600;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(2.5rem, 1fr));
        gap: 0.3rem;
      }
      .keys button {
        padding: 0;
        min-height: 2.75rem;
        text-transform: uppercase;
        font-weight: 600;
      }
      .keys button.hit {
        background: var(--hit);
        border-color: var(--hit);
        color: #fff;
        opacity: 1;
      }
      .keys button.miss {
        text-decoration: line-through 2px;
        color: var(--miss);
        border-style: dashed;
        opacity: 0.85;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      form input {
        flex: 1 1 10rem;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The letters to show as keys. */
  @property({ attribute: false }) alphabet: readonly string[] = [];
  /** Letters named so far and what became of them: named keys are disabled. */
  @property({ attribute: false }) letters: Readonly<Record<string, LetterMark>> = {};
  /** The word as shown: its open letters are disabled too. */
  @property() mask = '';
  /** Our turn: keys, the word field and typed letters work. */
  @property({ type: Boolean }) enabled = false;
  /** Whose turn it is, for the legend while we wait. */
  @property() turnOf = '';

  private onKey = (e: KeyboardEvent) => {
    if (!this.enabled || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const letter = typedLetter(e.key);
    if (letter === null || this.used(letter)) return;
    e.preventDefault();
    this.send(letterCommand(letter));
  };

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  private used(letter: string): boolean {
    return Object.hasOwn(this.letters, letter) || [...normalize(this.mask)].includes(letter);
  }

  render() {
    const lang = this.locale;
    const open = [...normalize(this.mask)];
    return html`<fieldset ?disabled=${!this.enabled}>
      <legend aria-live="off">${this.enabled ? t(lang, 'yourTurn') : t(lang, 'waitTurn', { name: this.turnOf })}</legend>
      <div class="keys" role="group" aria-label=${t(lang, 'letters')}>
        ${this.alphabet.map((l) => {
          const mark = open.includes(l) ? 'hit' : this.letters[l] === 'miss' ? 'miss' : this.letters[l] === 'hit' ? 'hit' : '';
          return html`<button
            type="button"
            class=${mark}
            title=${mark ? t(lang, mark) : ''}
            ?disabled=${this.used(l)}
            @click=${() => this.send(letterCommand(l))}
          >${l}</button>`;
        })}
      </div>
      <form @submit=${this.guess}>
        <label class="sr-only" for="guess">${t(lang, 'guessWord')}</label>
        <input id="guess" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder=${t(lang, 'guessWord')} />
        <button class="primary">${t(lang, 'guess')}</button>
      </form>
    </fieldset>`;
  }

  private guess(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector('input')!;
    const line = commandForGuess(input.value);
    if (line === null) return;
    input.value = '';
    this.send(line);
  }

  private send(line: string) {
    emit(this, 'wg-send', { line });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-keyboard': WgKeyboard;
  }
  interface HTMLElementEventMap {
    'wg-send': SendEvent;
  }
}
