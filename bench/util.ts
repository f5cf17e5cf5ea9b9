/** Small helpers shared by the bench programs. */
import { pathToFileURL } from 'node:url';

/** Whether the module at `url` is the program node was started with. */
export function isMain(url: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && url === pathToFileURL(entry).href;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
