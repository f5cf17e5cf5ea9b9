import { LitElement, html, css, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { BOT, formatCommand } from '../../protocol/index.js';
import type { JoinEvent, LangEvent, SendEvent } from './events.js';
import { alphabetFor } from './alphabet.js';
import { t } from './i18n.js';
import { roomFromUrl, roomLink } from './lobby.js';
import type { Plan } from './lobby.js';
import { PreferencesController } from './preferences-controller.js';
import { Reconnector, idleStatus } from './reconnect.js';
import type { ReconnectStatus } from './reconnect.js';
import { clearSeat, loadSeat, saveSeat } from './seat-store.js';
import { SocketController } from './socket-controller.js';
import { SoundController } from './sound-controller.js';
import { initialState, reduce, winnerOf } from './state.js';
import type { State, ViewAction } from './state.js';
import { shared } from './styles.js';
import { TitleController } from './title-controller.js';
import { moveText } from './wg-board.js';
import type { ComputerEvent } from './wg-computer.js';
import type { JoinRoomEvent, NewRoomEvent } from './wg-join.js';
import './wg-between.js';
import './wg-board.js';
import './wg-chat.js';
import './wg-computer.js';
import './wg-error.js';
import './wg-join.js';
import './wg-log.js';
import './wg-reconnecting.js';
import './wg-results.js';
import './wg-room-waiting.js';
import './wg-waiting.js';
import './wg-watch.js';
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
        main.wide {
          grid-template-columns: minmax(0, 1fr);
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
  /** The room the page's address names (`?room=CODE`): the join form asks only the name. */
  @state() private urlRoom: string | null = roomFromUrl(location.search).room;
  /** Where taking the seat back stands after a drop. */
  @state() private retry: ReconnectStatus = idleStatus;
  /** How we last sat down: Reconnect after an error does it again (the same room, by its code). */
  private lastPlan: Plan & { name: string } = { kind: 'table', name: '' };
  private prefs = new PreferencesController(this);
  private socket = new SocketController(this, (a) => this.dispatch(a));
  private reconnector = new Reconnector({ connect: () => this.resume(), changed: (status) => (this.retry = status) }, this);
  private sound = new SoundController(this, () => ({ turns: this.s.turns, muted: this.prefs.muted }));
  // Registers itself with the page; it is never called.
  private readonly pageTitle = new TitleController(this, () => ({ lang: this.prefs.lang, turns: this.s.turns, myTurn: this.s.myTurn }));

  connectedCallback() {
    super.connectedCallback();
    // A projector's link watches; a reload of a seated tab takes the seat back without asking.
    const watch = roomFromUrl(location.search).watch;
    const seat = loadSeat(sessionStorage);
    if (watch) this.socket.connect({ kind: 'watch', code: watch });
    else if (seat) this.socket.connect({ kind: 'back', ...seat });
  }

  private dispatch(action: ViewAction) {
    const prev = this.s;
    this.s = reduce(prev, action);
    this.followSeat(prev, this.s, action);
  }

  /** Keeps the seat key in the tab, the room in the address, and the reconnecting going, as the state moves. */
  private followSeat(prev: State, next: State, action: ViewAction) {
    const room = next.room;
    if (room.key && next.me && (room.key !== prev.room.key || next.me !== prev.me || room.code !== prev.room.code)) {
      saveSeat(sessionStorage, { key: room.key, name: next.me, code: room.code });
    }
    // The seat is gone: the server said so, the game ended with `/quit`, or we went home.
    const gone = (prev.room.key && !room.key) || (next.quit && !prev.quit && !room.replaced) || (next.phase === 'join' && prev.phase !== 'join');
    if (gone) clearSeat(sessionStorage);
    if (room.code && room.code !== prev.room.code && room.role !== 'watcher') {
      history.replaceState(null, '', roomLink('', location.pathname, room.code));
      this.urlRoom = room.code;
    }
    if (prev.leaving && next.phase === 'join') this.forgetRoom();
    if (next.phase === 'reconnecting' && action.type === 'closed' && !room.replaced) this.reconnector.dropped();
    if (prev.phase === 'reconnecting' && next.phase !== 'reconnecting') this.reconnector.stop();
  }

  /** Takes our kept seat back on a new connection. */
  private resume() {
    const { room, me, typedName } = this.s;
    if (room.key) this.socket.connect({ kind: 'back', key: room.key, name: me || typedName, code: room.code });
  }

  private home() {
    this.reconnector.stop();
    this.socket.close();
    clearSeat(sessionStorage);
    this.dispatch({ type: 'home' });
  }

  private forgetRoom() {
    this.urlRoom = null;
    history.replaceState(null, '', location.pathname);
  }

  private join(name: string) {
    this.sitDown({ kind: 'table', name });
  }

  private sitDown(plan: Plan & { name: string }) {
    this.lastPlan = plan;
    this.prefs.setName(plan.name);
    this.sound.unlock(); // Join is a user gesture
    this.socket.connect(plan);
  }

  /** Sits down again the way we last did: a room we opened is joined by its code this time. */
  private again() {
    const s = this.s;
    const plan = this.lastPlan;
    this.sitDown(plan.kind === 'new' && s.room.code ? { kind: 'join', name: plan.name, code: s.room.code } : { ...plan, name: s.typedName || plan.name });
  }

  private send = (e: SendEvent) => this.socket.send(e.detail.line);

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

  /** The view of a watcher: everything at the table, no controls. */
  private watchView() {
    const s = this.s;
    const lang = this.prefs.lang;
    return html`<wg-watch
      .locale=${lang}
      .code=${s.room.code ?? ''}
      .mask=${s.mask}
      .players=${s.players}
      .turnOf=${s.phase === 'playing' ? (s.turnOf ?? '') : ''}
      .clock=${s.room.clock}
      .away=${s.room.away}
      .moves=${[s.last, ...s.history].filter((m) => m !== null).map((m) => moveText(lang, m))}
      .chat=${s.room.chat}
      .total=${s.room.total}
      .nextGame=${s.phase === 'over' ? s.room.nextGame : null}
      .games=${s.room.games}
    ></wg-watch>`;
  }

  /** A table filling: a room's code, link and buttons, or the public table's count. */
  private waitingView() {
    const s = this.s;
    const lang = this.prefs.lang;
    if (s.room.code) {
      return html`<wg-room-waiting
        .locale=${lang}
        .code=${s.room.code}
        .link=${roomLink(location.origin, location.pathname, s.room.code)}
        .watchLink=${roomLink(location.origin, location.pathname, s.room.code, true)}
        .me=${s.me}
        .seated=${s.room.seated ?? s.players.map((p) => p.name)}
        .away=${s.room.away}
        .waiting=${s.waiting}
        .noBotSeat=${s.room.note?.id === 'NO_BOT_SEAT'}
        @wg-send=${this.send}
      ></wg-room-waiting>`;
    }
    return html`<wg-waiting .locale=${lang} .me=${s.me} .players=${s.players} .waiting=${s.waiting}></wg-waiting>
      <wg-computer class="card" .locale=${lang} action="addBot" @wg-computer=${(e: ComputerEvent) => this.socket.send(formatCommand(BOT, e.detail.level))}></wg-computer>
      ${s.room.note?.id === 'NO_BOT_SEAT' ? html`<p role="status">${t(lang, 'noBotSeat')}</p>` : ''}`;
  }

  /** Chat, the Messages log and the wire (a projector shows none of them). */
  private side(seated: boolean) {
    const s = this.s;
    const lang = this.prefs.lang;
    return html`<div class="side">
      ${seated
        ? html`<wg-chat
            .locale=${lang}
            .lines=${s.room.chat}
            .canSend=${s.open && s.phase !== 'reconnecting'}
            .slow=${s.room.note?.id === 'SLOW_DOWN'}
            @wg-send=${this.send}
          ></wg-chat>`
        : ''}
      <wg-log .locale=${lang} .entries=${s.log}></wg-log>
      ${this.wire ? html`<wg-wire .locale=${lang} .entries=${s.wire}></wg-wire>` : ''}
    </div>`;
  }

  render() {
    const s = this.s;
    const lang = this.prefs.lang;
    const inGame = s.phase !== 'join' && s.phase !== 'connecting';
    const watcher = s.room.role === 'watcher' && inGame && s.phase !== 'error';
    const seated = inGame && !watcher && s.phase !== 'error' && s.room.role !== 'none';
    return html`
      <header>
        <h1>${t(lang, 'title')}</h1>
        ${inGame && s.me
          ? html`<p class="me">
              ${t(lang, 'youAre', { name: s.me })}${s.room.code ? html` · ${t(lang, 'roomTitle', { code: s.room.code })}` : ''}
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
      <main class=${watcher ? 'wide' : ''}>
        <div class="stage">
          ${s.phase === 'join' || s.phase === 'connecting'
            ? html`<wg-join
                .locale=${lang}
                .name=${s.typedName || this.prefs.name}
                .note=${s.nameNote}
                .busy=${s.phase === 'connecting'}
                .room=${this.urlRoom}
                .roomNote=${s.room.note}
                @wg-join=${(e: JoinEvent) => this.join(e.detail.name)}
                @wg-new=${(e: NewRoomEvent) => this.sitDown({ kind: 'new', ...e.detail })}
                @wg-join-room=${(e: JoinRoomEvent) => this.sitDown({ kind: 'join', ...e.detail })}
                @wg-forget-room=${() => this.forgetRoom()}
                @wg-lang=${(e: LangEvent) => this.prefs.setLang(e.detail.lang)}
              ></wg-join>`
            : ''}
          ${s.phase === 'reconnecting'
            ? html`<wg-reconnecting
                .locale=${lang}
                .status=${this.retry}
                .replaced=${s.room.replaced}
                @wg-reconnect=${() => this.reconnector.retryNow()}
                @wg-home=${() => this.home()}
              ></wg-reconnecting>`
            : ''}
          ${watcher ? this.watchView() : ''}
          ${s.phase === 'waiting' && !watcher ? this.waitingView() : ''}
          ${s.phase === 'error'
            ? html`<wg-error .locale=${lang} .error=${s.error} @wg-again=${() => this.again()} @wg-home=${() => this.dispatch({ type: 'home' })}></wg-error>`
            : ''}
          ${s.phase === 'over' && !watcher
            ? html`<wg-results
                .locale=${lang}
                .me=${s.me}
                .winner=${winnerOf(s) ?? ''}
                .results=${s.results ?? []}
                .again=${!s.room.code}
                @wg-again=${() => this.join(s.typedName)}
              ></wg-results>`
            : ''}
          ${s.phase === 'over' && !watcher && s.room.total
            ? html`<wg-between
                .locale=${lang}
                .me=${s.me}
                .code=${s.room.code ?? ''}
                .total=${s.room.total}
                .nextGame=${s.room.nextGame}
                .games=${s.room.games}
                @wg-send=${this.send}
              ></wg-between>`
            : ''}
          ${s.mask !== null && s.phase !== 'join' && !watcher
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
                .clock=${s.room.clock}
                .away=${s.room.away}
                .nextSeat=${s.room.role === 'next'}
                @wg-send=${this.send}
              ></wg-board>`
            : ''}
        </div>
        ${watcher ? '' : this.side(seated)}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-app': WgApp;
  }
}
