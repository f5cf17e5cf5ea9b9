/**
 * Serves the built web client from one folder, and never anything outside it.
 *
 * A request path is decoded, resolved against the root, then resolved again with
 * realpath so that a symlink cannot lead out. Hashed build output under
 * `assets/` is cached for a year; everything else is revalidated on each load. The
 * cache header follows the file served, not the path asked for: `/assets/../index.html`
 * is the page, and is revalidated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The folder of hashed build output, cached for a year. */
const ASSETS = 'assets';
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
const CACHE_REVALIDATE = 'no-cache';

/** Handles GET and HEAD for files under `root`; answers 404 for anything it will not serve. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

/** Makes a handler for the folder `root` (which may not exist yet: then every file is 404). */
export function createStaticHandler(root: string): StaticHandler {
  const absRoot = path.resolve(root);
  return async (req, res, pathname) => {
    // Resolved on each request, so a rebuilt web client is picked up without a restart.
    const realRoot = await realpathOrUndefined(absRoot);
    const found = realRoot === undefined ? undefined : await resolveInside(realRoot, pathname);
    const stat = found === undefined ? undefined : await fs.promises.stat(found.real).catch(() => undefined);
    if (found === undefined || realRoot === undefined || !stat?.isFile()) return notFound(res);
    const file = found.real;
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Cached for a year only when both the path, with its `..` resolved, and the file it
    // really is (after symlinks) are hashed build output.
    const assets = path.join(realRoot, ASSETS);
    const immutable = isInside(assets, found.resolved) && isInside(assets, file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stat.size,
      'Cache-Control': immutable ? CACHE_FOREVER : CACHE_REVALIDATE,
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

/** Where a URL path leads under the root, `..` resolved, and the real path of that file. */
export interface Resolved {
  readonly resolved: string;
  readonly real: string;
}

/** The file a URL path names, or undefined when it is not inside `realRoot`. */
export async function resolveInside(realRoot: string, pathname: string): Promise<Resolved | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined; // malformed %-encoding
  }
  if (decoded.includes('\0')) return undefined;
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  // '.' + path keeps an absolute-looking path ('//etc/passwd') relative to the root.
  const candidate = path.resolve(realRoot, '.' + path.sep + decoded);
  if (!isInside(realRoot, candidate)) return undefined;
  // A symlink inside the root may point anywhere: judge where it really leads.
  const real = await realpathOrUndefined(candidate);
  if (real === undefined || !isInside(realRoot, real)) return undefined;
  return { resolved: candidate, real };
}

function isInside(root: string, p: string): boolean {
  return p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function realpathOrUndefined(p: string): Promise<string | undefined> {
  return fs.promises.realpath(p).catch(() => undefined);
}

function notFound(res: ServerResponse): void {
  const body = 'Not found\n';
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
