/**
 * Keeps a scrolling list of lines (the Messages log, the chat) at its newest line
 * while the reader is at the bottom, and leaves it alone once they scroll up.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FollowBottom implements ReactiveController {
  private stick = true;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    /** The scrolling element, within the host's render root. */
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  /** The scrolling element's `@scroll` handler. */
  readonly scrolled = (e: Event): void => {
    const el = e.target as HTMLElement;
    this.stick = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
  };

  hostUpdated(): void {
    const el = this.host.renderRoot.querySelector(this.selector);
    if (el && this.stick) el.scrollTop = el.scrollHeight;
  }
}
