/**
 * `npm run e2e`: the Playwright games. Makes sure there is a Chromium to drive
 * (installs Debian's when it can), builds the web client, then runs Playwright.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../e2e/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function sh(cmd: string, args: string[]): number {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

function ensureChromium(): void {
  const path = chromiumPath();
  if (existsSync(path)) return;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
  if (canApt) {
    process.stdout.write(`Chromium is not at ${path}; installing Debian's chromium package for the end-to-end games...\n`);
    if (sh('apt-get', ['update', '-qq']) === 0 && sh('apt-get', ['install', '-y', '-qq', 'chromium']) === 0 && existsSync(path)) return;
  }
  process.stderr.write(
    `The end-to-end games need Chromium, and there is none at ${path}.\n` +
      `Install it (Debian/Ubuntu: sudo apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.\n`,
  );
  process.exit(1);
}

ensureChromium();
if (sh(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']) !== 0) {
  process.stderr.write('The web client did not build; the end-to-end games need it.\n');
  process.exit(1);
}
process.exit(sh(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)]));
