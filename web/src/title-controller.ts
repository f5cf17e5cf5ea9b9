/** The document's title and language: "Your turn" in the title while a new turn waits in a background tab. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../protocol/index.js';
import { t } from './i18n.js';

/** What the title follows, read from the host after each update. */
export interface TitleInput {
  readonly lang: Lang;
  /** Counts our turns (State.turns): a rise is a new turn. */
  readonly turns: number;
  readonly myTurn: boolean;
}

export class TitleController implements ReactiveController {
  private seenTurns = 0;
  private alerting = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly input: () => TitleInput,
    private readonly doc: Document = document,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.doc.addEventListener('visibilitychange', this.onVisibility);
    this.show();
  }

  hostDisconnected(): void {
    this.doc.removeEventListener('visibilitychange', this.onVisibility);
  }

  hostUpdated(): void {
    const { turns, myTurn } = this.input();
    if (turns > this.seenTurns && this.doc.hidden) this.alerting = true;
    else if (!myTurn) this.alerting = false;
    this.seenTurns = turns;
    this.show();
  }

  /** Back in the tab: the player has seen it. */
  private onVisibility = (): void => {
    if (this.doc.hidden) return;
    this.alerting = false;
    this.show();
  };

  private show(): void {
    const { lang } = this.input();
    this.doc.documentElement.lang = lang;
    this.doc.title = t(lang, this.alerting ? 'titleTurn' : 'title');
  }
}
