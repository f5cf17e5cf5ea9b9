/**
 * Open rooms by code (PROTOCOL.md §8.1): the one place a code is looked up, so a
 * layer that finds rooms held by another process hooks in here.
 */
import { ROOM_CODE_LENGTH, canonicalCode, randomCode } from './codes.js';

/** Rooms open at once on one server, unless told otherwise. */
export const MAX_ROOMS = 10_000;

export class RoomRegistry<Room> {
  private readonly byCode = new Map<string, Room>();

  constructor(readonly maxRooms: number = MAX_ROOMS) {}

  /** Opens a room under a fresh code; null when `maxRooms` are open already. */
  open(create: (code: string) => Room): Room | null {
    if (this.byCode.size >= this.maxRooms) return null;
    let code: string;
    do code = randomCode(ROOM_CODE_LENGTH);
    while (this.byCode.has(code));
    const room = create(code);
    this.byCode.set(code, room);
    return room;
  }

  /** The room a typed code stands for (any case), or undefined. */
  get(typed: string): Room | undefined {
    return this.byCode.get(canonicalCode(typed));
  }

  /** The room is closed: its code is unknown from now on. */
  remove(code: string): void {
    this.byCode.delete(code);
  }

  get size(): number {
    return this.byCode.size;
  }

  values(): IterableIterator<Room> {
    return this.byCode.values();
  }
}
