import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/browser.js';

// Each game starts its own game server and gateway on free ports (e2e/fixtures.ts),
// so games never share a table and can run in parallel.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two games at a time, in CI or not: the timings in e2e/README.md are for two
  // workers on two cores (Playwright's own default there would be one). `--workers N` overrides.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The failures again as the last lines, after the list's summary and the HTML report's hint.
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }], ['./test/support/playwright-failures-last.ts']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      // This machine has no outside network: keep Chromium from trying.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
});
