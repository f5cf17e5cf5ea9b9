import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { emit } from './events.js';
import { t } from './i18n.js';
import type { RoomSettings } from './lobby.js';
import { shared } from './styles.js';
import { parseWordList } from './word-list.js';
import type { WordList } from './word-list.js';

/** Seats a room may have (PROTOCOL.md §8.2: 1–10; with friends, at least 2). */
export const SEAT_CHOICES: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Turn times offered, in seconds (0: no clock); §8.2 allows 0 or 5–600. */
export const TURN_CHOICES: readonly number[] = [0, 15, 30, 45, 60, 90, 120];
/** Pauses between a room's games offered, in seconds; §8.2 allows 0–60, default 10. */
export const PAUSE_CHOICES: readonly number[] = [5, 10, 20, 30, 60];
/** A word file bigger than this is not read: a room takes 1000 words at most. */
export const MAX_WORD_FILE_BYTES = 256 * 1024;

/**
 * "Play with friends": a room's settings (seats, turn time, pause between games,
 * language) and its own words, pasted or loaded from a .txt file. Fires
 * `wg-room` {settings, words}.
 */
@customElement('wg-room-setup')
export class WgRoomSetup extends LitElement {
  static styles = [
    shared,
    css`
      .grid {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        margin-bottom: 0.75rem;
      }
      .words > label {
        font-weight: 600;
      }
      textarea {
        font: inherit;
        color: inherit;
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 0.5rem;
        padding: 0.4rem 0.6rem;
        min-height: 5rem;
        resize: vertical;
        width: 100%;
        box-sizing: border-box;
      }
      .words {
        display: grid;
        /* minmax(0, …): the file field's own width must not widen a 360 px page. */
        grid-template-columns: minmax(0, 1fr);
        gap: 0.3rem;
        margin-bottom: 0.75rem;
      }
      .words label {
        display: block;
      }
      .file {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      input[type='file'] {
        width: 100%;
        min-width: 0;
        border: none;
        padding: 0;
      }
      p {
        margin: 0;
      }
      .bad {
        color: var(--miss);
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** A connection is being made: the button waits. */
  @property({ type: Boolean }) busy = false;
  @state() private list: WordList = { words: [], bad: [], over: 0 };
  @state() private fileError = false;
  /** The room's language, when chosen apart from the page's. */
  @state() private roomLang: Lang | null = null;

  render() {
    const lang = this.locale;
    const list = this.list;
    return html`<form @submit=${this.submit}>
      <div class="grid">
        <div class="field">
          <label for="seats">${t(lang, 'seats')}</label>
          <select id="seats">
            ${SEAT_CHOICES.map((n) => html`<option value=${n} ?selected=${n === 2}>${n}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="turn">${t(lang, 'turnTime')}</label>
          <select id="turn">
            ${TURN_CHOICES.map((n) => html`<option value=${n} ?selected=${n === 60}>${n === 0 ? t(lang, 'noLimit') : t(lang, 'secondsN', { n })}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="pause">${t(lang, 'pause')}</label>
          <select id="pause">
            ${PAUSE_CHOICES.map((n) => html`<option value=${n} ?selected=${n === 10}>${t(lang, 'secondsN', { n })}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="lang">${t(lang, 'roomLang')}</label>
          <select id="lang" @change=${(e: Event) => (this.roomLang = (e.target as HTMLSelectElement).value as Lang)}>
            <option value="en" ?selected=${(this.roomLang ?? lang) === 'en'}>English</option>
            <option value="uk" ?selected=${(this.roomLang ?? lang) === 'uk'}>Українська</option>
          </select>
        </div>
      </div>
      <div class="words">
        <label for="words">${t(lang, 'ownWords')}</label>
        <textarea id="words" aria-describedby="words-hint words-count" spellcheck="false" @input=${this.wordsChanged}></textarea>
        <p class="muted" id="words-hint">${t(lang, 'ownWordsHint')}</p>
        <div class="file">
          <label for="file" class="muted">${t(lang, 'loadWords')}</label>
          <input id="file" type="file" accept=".txt,text/plain" @change=${this.fileChosen} />
        </div>
        <p id="words-count" role="status">
          ${list.words.length > 0 ? t(lang, 'wordsCount', { n: list.words.length }) : ''}
          ${list.over > 0 ? html`<br />${t(lang, 'wordsOver', { n: list.over })}` : ''}
        </p>
        ${list.bad.length > 0 ? html`<p class="bad">${t(lang, 'wordsBad', { list: list.bad.slice(0, 20).join(', ') + (list.bad.length > 20 ? ', …' : '') })}</p>` : ''}
        ${this.fileError ? html`<p class="bad" role="alert">${t(lang, 'wordsFileError')}</p>` : ''}
      </div>
      <button class="primary" ?disabled=${this.busy}>${t(lang, 'openRoom')}</button>
    </form>`;
  }

  private wordsChanged(e: Event) {
    this.list = parseWordList((e.target as HTMLTextAreaElement).value);
  }

  private async fileChosen(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.fileError = false;
    try {
      if (file.size > MAX_WORD_FILE_BYTES) throw new Error('too big');
      const text = await file.text();
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#words')!;
      area.value = text;
      this.list = parseWordList(text);
    } catch {
      this.fileError = true;
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    const value = (id: string) => this.renderRoot.querySelector<HTMLSelectElement>(`#${id}`)!.value;
    const settings: RoomSettings = { players: Number(value('seats')), turn: Number(value('turn')), lang: value('lang') as Lang, pause: Number(value('pause')) };
    emit(this, 'wg-room', { settings, words: this.list.words });
  }
}

/** `wg-room`: open a room with these settings and words. */
export type RoomEvent = CustomEvent<{ readonly settings: RoomSettings; readonly words: readonly string[] }>;

declare global {
  interface HTMLElementTagNameMap {
    'wg-room-setup': WgRoomSetup;
  }
  interface HTMLElementEventMap {
    'wg-room': RoomEvent;
  }
}
