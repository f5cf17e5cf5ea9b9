/**
 * Size of the production web bundle: builds with Vite into a scratch folder (so
 * a gateway serving dist/web is not disturbed) and gzips each JavaScript file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type WebSize =
  | { readonly ok: true; readonly files: { name: string; bytes: number; gzip: number }[]; readonly bytes: number; readonly gzip: number }
  | { readonly ok: false; readonly reason: string };

/** Runs `npx vite build` from `root` and measures the JavaScript it wrote. */
export async function measureWebBundle(root: string, timeoutMs = 120_000): Promise<WebSize> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'wg-bench-web-'));
  try {
    const result = await run('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], root, timeoutMs);
    if (result.code !== 0) return { ok: false, reason: `vite build failed (exit ${result.code}): ${result.output.trim().split('\n').slice(-3).join(' ')}` };
    const assets = path.join(out, 'assets');
    const names = (await readdir(assets).catch(() => [] as string[])).filter((n) => n.endsWith('.js')).sort();
    if (names.length === 0) return { ok: false, reason: 'the build wrote no JavaScript under assets/' };
    const files = await Promise.all(
      names.map(async (name) => {
        const data = await readFile(path.join(assets, name));
        // zlib's default level, as Vite's own build report uses.
        return { name, bytes: data.length, gzip: gzipSync(data).length };
      }),
    );
    return { ok: true, files, bytes: sum(files.map((f) => f.bytes)), gzip: sum(files.map((f) => f.gzip)) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output = (output + d).slice(-8000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-8000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, output: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}
