/** For a module that is also a program: whether it is the one node was started with. */
import { pathToFileURL } from 'node:url';

/** Whether the module at `url` (its `import.meta.url`) is the program node was started with. */
export function isMain(url: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && url === pathToFileURL(entry).href;
}
