import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import { cleanCode } from './lobby.js';
import type { BotLevel } from '../../game/strategy.js';
import type { RoomSettings } from './lobby.js';
import type { RoomNote } from './room-state.js';
import type { JoinEvent, LangEvent, PlainEvent } from './events.js';
import { emit } from './events.js';
import type { State } from './state.js';
import { shared } from './styles.js';
import type { ComputerEvent } from './wg-computer.js';
import './wg-computer.js';
import type { RoomEvent } from './wg-room-setup.js';
import './wg-room-setup.js';

/** The seats of a game against the computer: you and one computer player; no clock. */
export const COMPUTER_GAME = { players: 2, turn: 0 } as const;

/**
 * The join screen: a name, the language, and the ways to play: the public table
 * (`wg-join` {name}), a room of friends (`wg-new` {name, settings, words}), the
 * computer (`wg-new` with {bot}), a room by code (`wg-join-room` {name, code}).
 * With `room` set (the page's link carried a code) it asks only the name for that
 * room; `wg-forget-room` goes back to every way. `wg-lang` {lang} changes the language.
 */
@customElement('wg-join')
export class WgJoin extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        display: grid;
        /* minmax(0, …): a wide child (the room's settings) must not widen the page. */
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        max-width: 40rem;
      }
      /* A grid item is as wide as its widest content by default: at 360 px that is too wide. */
      :host > * {
        min-width: 0;
      }
      form.main {
        display: grid;
        gap: 0.75rem;
      }
      .note {
        margin: 0;
        color: var(--miss);
        font-weight: 400;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .row input {
        width: 8rem;
        text-transform: uppercase;
        font-family: ui-monospace, monospace;
      }
      p {
        margin: 0 0 0.75rem;
      }
      button.link {
        border: none;
        background: none;
        color: var(--accent);
        text-decoration: underline;
        padding: 0;
        min-height: auto;
        justify-self: start;
      }
    `,
  ];

  /** The page's language (also the language picked in the form). */
  @property() locale: Lang = 'en';
  /** The name to offer: the one typed last. */
  @property() name = '';
  /** A name problem the server reported (NO_NAME, BAD_NAME) or the name it gave us (RENAMED). */
  @property({ attribute: false }) note: State['nameNote'] = null;
  /** Connecting: the buttons that connect are disabled. */
  @property({ type: Boolean }) busy = false;
  /** The room the page's link names: only the name is asked. */
  @property() room: string | null = null;
  /** What the server said to our last lobby command (no such room, full, …). */
  @property({ attribute: false }) roomNote: RoomNote | null = null;
  @state() private localNote: 'needName' | 'badCode' | null = null;

  firstUpdated() {
    // The name is the first thing to type.
    this.nameInput().focus();
  }

  render() {
    const lang = this.locale;
    const note = this.note;
    const nameText = this.localNote === 'needName' ? t(lang, 'needName') : !note ? '' : note.id === 'RENAMED' ? t(lang, 'renamed', { name: note.text }) : t(lang, note.id === 'NO_NAME' ? 'noName' : 'badName');
    const invalid = this.localNote === 'needName' || (note !== null && note.id !== 'RENAMED');
    return html`<form class="card main" @submit=${this.submit}>
        <h2>${this.room ? t(lang, 'roomTitle', { code: this.room }) : t(lang, 'joinTitle')}</h2>
        <div class="field">
          <label for="name">${t(lang, 'name')}</label>
          <input id="name" name="name" autocomplete="nickname" maxlength="32" .value=${this.name} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="note" @input=${() => (this.localNote = null)} />
          <p class="note" id="note" role="status">${nameText}</p>
        </div>
        <div class="field">
          <label for="lang">${t(lang, 'language')}</label>
          <select id="lang" @change=${this.langChanged}>
            <option value="en" ?selected=${lang === 'en'}>English</option>
            <option value="uk" ?selected=${lang === 'uk'}>Українська</option>
          </select>
        </div>
        <button class="primary" ?disabled=${this.busy}>${this.busy ? t(lang, 'connecting') : t(lang, 'join')}</button>
        <p class="muted">${t(lang, this.room ? 'roomJoinHint' : 'joinHint')}</p>
        <p class="note" role="alert">${this.roomNoteText()}</p>
        ${this.room ? html`<button type="button" class="link" @click=${() => emit(this, 'wg-forget-room')}>${t(lang, 'otherGame')}</button>` : ''}
      </form>
      ${this.room
        ? ''
        : html`<section class="card" aria-labelledby="friends-h">
              <h2 id="friends-h">${t(lang, 'friendsTitle')}</h2>
              <p class="muted">${t(lang, 'friendsHint')}</p>
              <wg-room-setup .locale=${lang} ?busy=${this.busy} @wg-room=${this.openRoom}></wg-room-setup>
            </section>
            <section class="card" aria-labelledby="computer-h">
              <h2 id="computer-h">${t(lang, 'computerTitle')}</h2>
              <p class="muted">${t(lang, 'computerHint')}</p>
              <wg-computer primary .locale=${lang} ?busy=${this.busy} @wg-computer=${this.playComputer}></wg-computer>
            </section>
            <section class="card" aria-labelledby="code-h">
              <h2 id="code-h">${t(lang, 'codeTitle')}</h2>
              <form class="row" @submit=${this.joinByCode}>
                <div class="field">
                  <label for="code">${t(lang, 'roomCodeField')}</label>
                  <input id="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="5" aria-describedby="code-note" @input=${() => (this.localNote = null)} />
                </div>
                <button ?disabled=${this.busy}>${t(lang, 'joinRoom')}</button>
              </form>
              <p class="note" id="code-note" role="status">${this.localNote === 'badCode' ? t(lang, 'badCode') : ''}</p>
            </section>`}`;
  }

  private roomNoteText(): string {
    const n = this.roomNote;
    const lang = this.locale;
    if (!n) return '';
    if (n.id === 'NO_ROOM') return t(lang, 'noRoom', { code: n.detail });
    if (n.id === 'ROOM_FULL') return t(lang, 'roomFull', { code: n.detail });
    if (n.id === 'BAD_SETTING') return t(lang, 'badSetting', { setting: n.detail });
    if (n.id === 'NO_SEAT') return t(lang, 'noSeat');
    return '';
  }

  private nameInput(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#name')!;
  }

  /** The name typed, or null (and the field says so) when a room needs one. */
  private requireName(): string | null {
    const name = this.nameInput().value;
    if (name.trim() !== '') return name;
    this.localNote = 'needName';
    this.nameInput().focus();
    return null;
  }

  private submit(e: Event) {
    e.preventDefault();
    const name = this.nameInput().value;
    if (this.room) emit(this, 'wg-join-room', { name, code: this.room });
    else emit(this, 'wg-join', { name });
  }

  private openRoom(e: RoomEvent) {
    e.stopPropagation();
    const name = this.requireName();
    if (name !== null) emit(this, 'wg-new', { name, settings: e.detail.settings, words: e.detail.words });
  }

  private playComputer(e: ComputerEvent) {
    e.stopPropagation();
    const name = this.requireName();
    const settings: RoomSettings = { ...COMPUTER_GAME, lang: this.locale };
    if (name !== null) emit(this, 'wg-new', { name, settings, words: [], bot: e.detail.level });
  }

  private joinByCode(e: Event) {
    e.preventDefault();
    const code = cleanCode(this.renderRoot.querySelector<HTMLInputElement>('#code')!.value);
    if (code === null) {
      this.localNote = 'badCode';
      return;
    }
    const name = this.requireName();
    if (name !== null) emit(this, 'wg-join-room', { name, code });
  }

  private langChanged(e: Event) {
    const lang = (e.target as HTMLSelectElement).value as Lang;
    emit(this, 'wg-lang', { lang });
  }
}

/** `wg-new`: open a room with these settings and words (and a computer player), then sit in it as `name`. */
export type NewRoomEvent = CustomEvent<{ readonly name: string; readonly settings: RoomSettings; readonly words: readonly string[]; readonly bot?: BotLevel }>;
/** `wg-join-room`: sit in the room with this code as `name`. */
export type JoinRoomEvent = CustomEvent<{ readonly name: string; readonly code: string }>;

declare global {
  interface HTMLElementTagNameMap {
    'wg-join': WgJoin;
  }
  interface HTMLElementEventMap {
    'wg-join': JoinEvent;
    'wg-lang': LangEvent;
    'wg-new': NewRoomEvent;
    'wg-join-room': JoinRoomEvent;
    /** Back from a room's link to every way to play. */
    'wg-forget-room': PlainEvent;
  }
}
