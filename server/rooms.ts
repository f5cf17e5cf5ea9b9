/**
 * Open rooms by code (PROTOCOL.md §8.1): the one place a code is looked up, so a
 * layer that finds rooms held by another process hooks in here.
 */
import { ROOM_CODE_LENGTH, canonicalCode, randomCode } from './codes.js';

/** Rooms open at once on one server, unless told otherwise. */
export const MAX_ROOMS = 10_000;

/** Told of every code that starts or stops standing for something here (a cluster's directory). */
export interface CodeListener {
  added(code: string): void;
  removed(code: string): void;
}

export class RoomRegistry<Room> {
  private readonly byCode = new Map<string, Room>();

  constructor(
    readonly maxRooms: number = MAX_ROOMS,
    private readonly listener?: CodeListener,
  ) {}

  /** Opens a room under a fresh code; null when `maxRooms` are open already. */
  open(create: (code: string) => Room): Room | null {
    if (this.byCode.size >= this.maxRooms) return null;
    let code: string;
    do code = randomCode(ROOM_CODE_LENGTH);
    while (this.byCode.has(code));
    const room = create(code);
    this.byCode.set(code, room);
    this.listener?.added(code);
    return room;
  }

  /** The room a typed code stands for (any case), or undefined. */
  get(typed: string): Room | undefined {
    return this.byCode.get(canonicalCode(typed));
  }

  /** The room is closed: its code is unknown from now on. */
  remove(code: string): void {
    if (this.byCode.delete(code)) this.listener?.removed(code);
  }

  get size(): number {
    return this.byCode.size;
  }

  values(): IterableIterator<Room> {
    return this.byCode.values();
  }
}
