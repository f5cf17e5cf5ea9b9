import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { emit } from './events.js';
import { t } from './i18n.js';
import { BOT_LEVELS } from '../../game/strategy.js';
import type { BotLevel } from '../../game/strategy.js';
import { shared } from './styles.js';

/**
 * A computer player's level and a button (PROTOCOL.md §8.7): on the join screen
 * "Play with the computer", while a table fills "Add a computer player".
 * Fires `wg-computer` {level}.
 */
@customElement('wg-computer')
export class WgComputer extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }

    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  /** The button's words: `playComputer` or `addBot`. */
  @property() action: 'playComputer' | 'addBot' = 'playComputer';
  /** A connection is being made: the button waits. */
  @property({ type: Boolean }) busy = false;
  /** Styled as the main button of its card. */
  @property({ type: Boolean }) primary = false;

  render() {
    const lang = this.locale;
    return html`<div class="row">
      <div class="field">
        <label for="level">${t(lang, 'level')}</label>
        <select id="level">
          ${BOT_LEVELS.map((l) => html`<option value=${l} ?selected=${l === 'normal'}>${t(lang, l)}</option>`)}
        </select>
      </div>
      <button class=${this.primary ? 'primary' : ''} ?disabled=${this.busy} @click=${this.go}>${t(lang, this.action)}</button>
    </div>`;
  }

  private go() {
    const level = this.renderRoot.querySelector<HTMLSelectElement>('#level')!.value as BotLevel;
    emit(this, 'wg-computer', { level });
  }
}

/** `wg-computer`: a computer player at this level, please. */
export type ComputerEvent = CustomEvent<{ readonly level: BotLevel }>;

declare global {
  interface HTMLElementTagNameMap {
    'wg-computer': WgComputer;
  }
  interface HTMLElementEventMap {
    'wg-computer': ComputerEvent;
  }
}
