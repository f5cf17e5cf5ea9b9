import { LitElement, html, css, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { SocketController } from './socket-controller.js';
import { initialLang, t } from './i18n.js';
import { initialState, reduce, winnerOf } from './state.js';
import type { State, ViewAction } from './state.js';
import { shared } from './styles.js';
import './wg-board.js';
import './wg-error.js';
import './wg-join.js';
import './wg-log.js';
import './wg-results.js';
import './wg-waiting.js';
import './wg-wire.js';

/** The page: holds the view state, owns the connection, lays out the screens. */
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
  @state() private ui: Lang = initialLang();
  @state() private muted = localStorage.getItem('wg.muted') === '1';
  @state() private wire = false;
  private name = localStorage.getItem('wg.name') ?? '';
  private audio: AudioContext | null = null;
  private conn = new SocketController(this, (a) => this.dispatch(a));

  private onVisible = () => {
    if (!document.hidden) document.title = t(this.ui, 'title');
  };

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisible);
    document.documentElement.lang = this.ui;
    document.title = t(this.ui, 'title');
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this.onVisible);
    super.disconnectedCallback();
  }

  private dispatch(action: ViewAction) {
    const prev = this.s;
    this.s = reduce(prev, action);
    // A new turn while the tab is hidden: say so in the title, and ring.
    if (this.s.turns > prev.turns && document.hidden) {
      document.title = t(this.ui, 'titleTurn');
      if (!this.muted) this.beep();
    } else if (prev.myTurn && !this.s.myTurn) {
      document.title = t(this.ui, 'title');
    }
  }

  private beep() {
    const ctx = this.audio;
    if (!ctx) return;
    void ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.2, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.35);
  }

  private join(name: string) {
    this.name = name;
    localStorage.setItem('wg.name', name);
    // Browsers let a page make sound only after a user gesture: this is one.
    try {
      this.audio ??= new AudioContext();
    } catch {
      this.audio = null;
    }
    this.conn.connect(name);
  }

  private setLang(lang: Lang) {
    this.ui = lang;
    localStorage.setItem('wg.lang', lang);
    document.documentElement.lang = lang;
    document.title = t(lang, 'title');
  }

  private toggleSound() {
    this.muted = !this.muted;
    localStorage.setItem('wg.muted', this.muted ? '1' : '0');
  }

  /** What a screen reader hears: the turn, the result. */
  private announcement(): string {
    const s = this.s;
    if (s.phase === 'over') {
      const w = winnerOf(s);
      return `${t(this.ui, 'over')}. ${w === s.me ? t(this.ui, 'youWon') : w ? t(this.ui, 'winner', { name: w }) : ''}`;
    }
    return s.myTurn ? t(this.ui, 'yourTurnShort') : '';
  }

  render() {
    const s = this.s;
    const lang = this.ui;
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
          <button aria-pressed=${this.muted ? 'false' : 'true'} @click=${this.toggleSound}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d="M3 9v6h4l5 5V4L7 9H3z" fill="currentColor" />
              ${this.muted
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
                .name=${s.typedName || this.name}
                .note=${s.nameNote}
                .busy=${s.phase === 'connecting'}
                @wg-join=${(e: CustomEvent<{ name: string }>) => this.join(e.detail.name)}
                @wg-lang=${(e: CustomEvent<{ lang: Lang }>) => this.setLang(e.detail.lang)}
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
                @wg-home=${() => this.dispatch({ type: 'home' })}
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
            ? html`<wg-board .locale=${lang} .game=${s} @wg-send=${(e: CustomEvent<{ line: string }>) => this.conn.send(e.detail.line)}></wg-board>`
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
