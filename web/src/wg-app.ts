import { LitElement, html, css, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { JoinEvent, LangEvent, SendEvent } from './events.js';
import { alphabetFor } from './alphabet.js';
import { t } from './i18n.js';
import { PreferencesController } from './preferences-controller.js';
import { SocketController } from './socket-controller.js';
import { SoundController } from './sound-controller.js';
import { initialState, reduce, winnerOf } from './state.js';
import type { State } from './state.js';
import { shared } from './styles.js';
import { TitleController } from './title-controller.js';
import './wg-board.js';
import './wg-error.js';
import './wg-join.js';
import './wg-log.js';
import './wg-results.js';
import './wg-waiting.js';
import './wg-wire.js';

/**
 * The page: holds the view state (the reducer's), lays out the screens, passes each
 * element the few properties it shows. The socket, the saved preferences, the title
 * and the turn tone are each a ReactiveController's.
 */
@customElement('wg-app')
export class WgApp extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        max-width: 76rem;
        margin: 0 auto;
        padding: 0.75rem clamp(0.5rem, 3vw, 1.5rem) 2rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0;
        flex: 1 1 auto;
      }
      .me {
        margin: 0;
      }
      .me small {
        display: block;
        color: var(--muted);
      }
      .tools {
        display: flex;
        gap: 0.4rem;
      }
      .tools svg {
        vertical-align: -0.2em;
      }
      .tools button[aria-pressed='true'] {
        border-color: var(--accent);
        box-shadow: inset 0 0 0 1px var(--accent);
      }
      main {
        display: grid;
        gap: 1rem;
        align-items: start;
      }
      @media (min-width: 56rem) {
        main {
          grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
        }
      }
      .stage,
      .side {
        display: grid;
        gap: 1rem;
        min-width: 0;
      }
    `,
  ];

  @state() private s: State = initialState;
  /** Whether the Wire view is open. */
  @state() private wire = false;
  private prefs = new PreferencesController(this);
  private socket = new SocketController(this, (a) => (this.s = reduce(this.s, a)));
  private sound = new SoundController(this, () => ({ turns: this.s.turns, muted: this.prefs.muted }));
  // Registers itself with the page; it is never called.
  private readonly pageTitle = new TitleController(this, () => ({ lang: this.prefs.lang, turns: this.s.turns, myTurn: this.s.myTurn }));

  private join(name: string) {
    this.prefs.setName(name);
    this.sound.unlock(); // Join is a user gesture
    this.socket.connect(name);
  }

  /** What a screen reader hears: the turn, the result. */
  private announcement(): string {
    const s = this.s;
    const lang = this.prefs.lang;
    if (s.phase === 'over') {
      const w = winnerOf(s);
      return `${t(lang, 'over')}. ${w === s.me ? t(lang, 'youWon') : w ? t(lang, 'winner', { name: w }) : ''}`;
    }
    return s.myTurn ? t(lang, 'yourTurnShort') : '';
  }

  render() {
    const s = this.s;
    const lang = this.prefs.lang;
    const inGame = s.phase !== 'join' && s.phase !== 'connecting';
    return html`
      <header>
        <h1>${t(lang, 'title')}</h1>
        ${inGame && s.me
          ? html`<p class="me">
              ${t(lang, 'youAre', { name: s.me })}
              ${s.nameNote?.id === 'RENAMED' ? html`<small>${t(lang, 'renamed', { name: s.nameNote.text })}</small>` : ''}
            </p>`
          : ''}
        <div class="tools">
          <button aria-pressed=${this.prefs.muted ? 'false' : 'true'} @click=${() => this.prefs.setMuted(!this.prefs.muted)}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d="M3 9v6h4l5 5V4L7 9H3z" fill="currentColor" />
              ${this.prefs.muted
                ? svg`<path d="M16 9l6 6M22 9l-6 6" stroke="currentColor" stroke-width="2" />`
                : svg`<path d="M16 8a5 5 0 0 1 0 8M19 5a9 9 0 0 1 0 14" fill="none" stroke="currentColor" stroke-width="2" />`}
            </svg>
            ${t(lang, 'sound')}
          </button>
          <button aria-pressed=${this.wire ? 'true' : 'false'} @click=${() => (this.wire = !this.wire)}>${t(lang, 'wire')}</button>
        </div>
      </header>
      <div class="sr-only" aria-live="polite">${this.announcement()}</div>
      <div class="sr-only" role="alert">${s.error ? t(lang, s.error.kind) : ''}</div>
      <main>
        <div class="stage">
          ${s.phase === 'join' || s.phase === 'connecting'
            ? html`<wg-join
                .locale=${lang}
                .name=${s.typedName || this.prefs.name}
                .note=${s.nameNote}
                .busy=${s.phase === 'connecting'}
                @wg-join=${(e: JoinEvent) => this.join(e.detail.name)}
                @wg-lang=${(e: LangEvent) => this.prefs.setLang(e.detail.lang)}
              ></wg-join>`
            : ''}
          ${s.phase === 'waiting'
            ? html`<wg-waiting .locale=${lang} .me=${s.me} .players=${s.players} .waiting=${s.waiting}></wg-waiting>`
            : ''}
          ${s.phase === 'error'
            ? html`<wg-error
                .locale=${lang}
                .error=${s.error}
                @wg-again=${() => this.join(s.typedName)}
                @wg-home=${() => (this.s = reduce(this.s, { type: 'home' }))}
              ></wg-error>`
            : ''}
          ${s.phase === 'over'
            ? html`<wg-results
                .locale=${lang}
                .me=${s.me}
                .winner=${winnerOf(s) ?? ''}
                .results=${s.results ?? []}
                @wg-again=${() => this.join(s.typedName)}
              ></wg-results>`
            : ''}
          ${s.mask !== null && s.phase !== 'join'
            ? html`<wg-board
                .locale=${lang}
                .mask=${s.mask}
                .players=${s.players}
                .me=${s.me}
                .turnOf=${s.turnOf}
                .myTurn=${s.myTurn}
                .live=${s.phase === 'playing'}
                .last=${s.last}
                .letters=${s.letters}
                .alphabet=${alphabetFor(s.mask, s.serverLang, lang)}
                @wg-send=${(e: SendEvent) => this.socket.send(e.detail.line)}
              ></wg-board>`
            : ''}
        </div>
        <div class="side">
          <wg-log .locale=${lang} .entries=${s.log}></wg-log>
          ${this.wire ? html`<wg-wire .locale=${lang} .entries=${s.wire}></wg-wire>` : ''}
        </div>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-app': WgApp;
  }
}
