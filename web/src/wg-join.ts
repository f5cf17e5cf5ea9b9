import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import type { State } from './state.js';
import { shared } from './styles.js';

/** The join form: name, language, Join. Fires `wg-join` {name} and `wg-lang` {lang}. */
@customElement('wg-join')
export class WgJoin extends LitElement {
  static styles = [
    shared,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 26rem;
      }
      label,
      .field {
        display: grid;
        gap: 0.25rem;
      }
      label {
        font-weight: 600;
      }
      select {
        font-weight: 400;
      }
      .note {
        margin: 0;
        color: var(--miss);
        font-weight: 400;
      }
    `,
  ];

  @property() locale: Lang = 'en';
  @property() name = '';
  @property({ attribute: false }) note: State['nameNote'] = null;
  @property({ type: Boolean }) busy = false;

  firstUpdated() {
    // The name is the first thing to type.
    this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  render() {
    const note = this.note;
    const noteText = !note ? '' : note.id === 'RENAMED' ? t(this.locale, 'renamed', { name: note.text }) : t(this.locale, note.id === 'NO_NAME' ? 'noName' : 'badName');
    return html`<form class="card" @submit=${this.submit}>
      <h2>${t(this.locale, 'joinTitle')}</h2>
      <div class="field">
        <label for="name">${t(this.locale, 'name')}</label>
        <input
          id="name"
          name="name"
          autocomplete="nickname"
          maxlength="32"
          .value=${this.name}
          aria-invalid=${note && note.id !== 'RENAMED' ? 'true' : 'false'}
          aria-describedby="note"
        />
        <p class="note" id="note" role="status">${noteText}</p>
      </div>
      <label
        >${t(this.locale, 'language')}
        <select @change=${this.langChanged}>
          <option value="en" ?selected=${this.locale === 'en'}>English</option>
          <option value="uk" ?selected=${this.locale === 'uk'}>Українська</option>
        </select>
      </label>
      <button class="primary" ?disabled=${this.busy}>${this.busy ? t(this.locale, 'connecting') : t(this.locale, 'join')}</button>
      <p class="muted">${t(this.locale, 'joinHint')}</p>
    </form>`;
  }

  private submit(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector('input')!;
    this.dispatchEvent(new CustomEvent('wg-join', { detail: { name: input.value }, bubbles: true, composed: true }));
  }

  private langChanged(e: Event) {
    const lang = (e.target as HTMLSelectElement).value as Lang;
    this.dispatchEvent(new CustomEvent('wg-lang', { detail: { lang }, bubbles: true, composed: true }));
  }
}
