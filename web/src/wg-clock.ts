import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';
import { clockCue, secondsLeft } from './room-state.js';
import type { Countdown } from './room-state.js';
import { shared } from './styles.js';
import { Tick } from './tick.js';

/**
 * The turn clock (PROTOCOL.md §8.5): a countdown from the last CLOCK line. A
 * `role="timer"` is not read out as it changes; the mover hears it at 10 and 5 seconds.
 */
@customElement('wg-clock')
export class WgClock extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        display: inline-block;
      }
      .clock {
        display: inline-flex;
        align-items: baseline;
        gap: 0.35rem;
        padding: 0.2rem 0.7rem;
        border: 2px solid var(--line);
        border-radius: 999px;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .clock.low {
        border-color: var(--miss);
        color: var(--miss);
      }
      .n {
        font-size: 1.25em;
      }
    `,
  ];

  /** The page's language. */
  @property() locale: Lang = 'en';
  @property({ attribute: false }) clock: Countdown | null = null;
  /** Whose turn the clock counts. */
  @property() name = '';
  /** Speak the 10 and 5 second cues (the clock is ours). */
  @property({ type: Boolean }) speak = false;

  private readonly tick = new Tick(this, () => (secondsLeft(this.clock, Date.now()) ?? 0) > 0);
  /** What was last said, per clock: the live region changes only when a cue is passed. */
  private said: { clock: Countdown | null; cue: number | null; text: string } = { clock: null, cue: null, text: '' };

  render() {
    const left = secondsLeft(this.clock, Date.now());
    if (left === null) return html``;
    const lang = this.locale;
    const cue = clockCue(left);
    if (this.said.clock !== this.clock || this.said.cue !== cue) {
      this.said = { clock: this.clock, cue, text: cue !== null && this.speak ? t(lang, 'secondsLeft', { s: left }) : '' };
    }
    return html`<span class="clock ${left <= 5 ? 'low' : ''}" role="timer" aria-label=${t(lang, 'clockLabel')}>
        ${this.name ? html`<span>${this.name}</span>` : ''}<span class="n">${left}</span><span>${t(lang, 'sec')}</span>
      </span>
      <span class="sr-only" aria-live="assertive">${this.said.text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wg-clock': WgClock;
  }
}
