import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from './gateway.js';

// A build folder with hashed assets, a secret beside it, and symlinks in and out.
let tmp: string;
let root: string;
let secret: string;
let gw: Gateway;
let port: number;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-static-'));
  root = path.join(tmp, 'web');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Word Guess</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-1a2b3c4d.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'assets', 'index-9f8e7d6c.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
  secret = path.join(tmp, 'secret.txt');
  fs.writeFileSync(secret, 'SECRET');
  fs.writeFileSync(path.join(tmp, 'web-other.txt'), 'SECRET'); // shares the root's name as a prefix
  fs.symlinkSync(secret, path.join(root, 'leak.txt'));
  fs.symlinkSync(tmp, path.join(root, 'assets', 'up'));
  fs.symlinkSync(path.join(root, 'assets', 'index-1a2b3c4d.js'), path.join(root, 'app.js')); // stays inside
  fs.symlinkSync(path.join(root, 'index.html'), path.join(root, 'assets', 'page.html')); // from assets to the page
  gw = await createGateway({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: 9 }, staticDir: root, log: () => {} });
  port = gw.address().port;
});

afterAll(async () => {
  await gw?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends the request target exactly as written (fetch would normalise `..` away). */
function request(target: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves index.html at / and at /index.html, never cached without revalidation', async () => {
    for (const target of ['/', '/index.html', '/?v=2']) {
      const r = await request(target);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.body).toBe('<!doctype html><title>Word Guess</title>');
    }
  });

  it('serves hashed assets with their content type and a year of caching', async () => {
    const js = await request('/assets/index-1a2b3c4d.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log("app")');
    const css = await request('/assets/index-9f8e7d6c.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await request('/favicon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD with the headers and no body', async () => {
    const r = await request('/', 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe('40');
    expect(r.body).toBe('');
  });

  it('answers 404 for a missing file or a folder, 405 for other methods', async () => {
    expect((await request('/nope.js')).status).toBe(404);
    expect((await request('/assets')).status).toBe(404);
    expect((await request('/assets/')).status).toBe(404);
    expect((await request('/', 'POST')).status).toBe(405);
  });

  it('follows a symlink that stays inside the folder', async () => {
    const r = await request('/app.js');
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("app")');
  });

  it.each([
    ['/assets/../index.html', 'index.html'],
    ['/assets/%2e%2e/index.html', 'index.html'],
    ['/assets/%2E%2E/favicon.svg', 'favicon.svg'],
    ['/assets/page.html', 'a symlink in assets/ to index.html'],
    ['/app.js', 'a symlink outside assets/ to an asset'],
  ])('cache headers follow the file served, not the path asked for: %s (%s) is no-cache', async (target) => {
    const r = await request(target);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('an asset asked for by a roundabout path is still cached for a year', async () => {
    for (const target of ['/assets/./index-1a2b3c4d.js', '/favicon.svg/../assets/index-1a2b3c4d.js']) {
      const r = await request(target);
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  const escapes = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/../web-other.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/leak.txt',
    '/assets/up/secret.txt',
    '/index.html%00.js',
    '/%ZZ',
    'http://127.0.0.1/../secret.txt',
  ];
  for (const target of escapes) {
    it(`never serves a file outside the folder: ${target}`, async () => {
      const r = await request(target);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('SECRET');
      expect(r.body).not.toContain('root:');
    });
  }

  it('also refuses the absolute path of the secret', async () => {
    for (const target of [secret, '/' + encodeURIComponent(secret)]) {
      const r = await request(target.startsWith('/') ? target : '/' + target);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('SECRET');
    }
  });
});

describe('static files without a build', () => {
  it('answers 404 when the folder does not exist', async () => {
    const missing = await createGateway({
      host: '127.0.0.1',
      port: 0,
      target: { host: '127.0.0.1', port: 9 },
      staticDir: path.join(os.tmpdir(), 'no-such-build-folder'),
      log: () => {},
    });
    try {
      const res = await fetch(`http://127.0.0.1:${missing.address().port}/`);
      expect(res.status).toBe(404);
    } finally {
      await missing.close();
    }
  });
});
