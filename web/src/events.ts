/**
 * Events up: every element fires its events through `emit`, so that the type and
 * the detail are checked against `HTMLElementEventMap`, where each element declares
 * the events it fires (beside its `HTMLElementTagNameMap` entry).
 */
import type { Lang } from '../../protocol/index.js';

/** The detail of an event declared in HTMLElementEventMap. */
export type DetailOf<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fires a custom event that bubbles out of shadow roots to the page (`bubbles`, `composed`). */
export function emit<K extends keyof HTMLElementEventMap>(from: EventTarget, type: K, ...detail: DetailOf<K> extends undefined ? [] : [DetailOf<K>]): void {
  from.dispatchEvent(new CustomEvent(type, { detail: detail[0], bubbles: true, composed: true }));
}

/** `wg-send`: a line for the server (a move), from the keyboard. */
export type SendEvent = CustomEvent<{ readonly line: string }>;
/** `wg-join`: Join pressed with this name. */
export type JoinEvent = CustomEvent<{ readonly name: string }>;
/** `wg-lang`: the page's language chosen. */
export type LangEvent = CustomEvent<{ readonly lang: Lang }>;
/** `wg-again` (Play again, Reconnect, Join again) and `wg-home` (back to the join form): no detail. */
export type PlainEvent = CustomEvent<undefined>;
