import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { GATEWAY_PORT } from './node/ports.js';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
// The dev server proxies /ws to a running gateway (npm run dev starts one).
const gatewayPort = process.env.GATEWAY_PORT ?? String(GATEWAY_PORT);

export default defineConfig({
  root: 'web',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/ws': { target: `ws://127.0.0.1:${gatewayPort}`, ws: true },
    },
  },
  test: {
    root: repoRoot,
    include: ['protocol/**/*.test.ts', 'game/**/*.test.ts', 'server/**/*.test.ts', 'node/**/*.test.ts', 'clients/**/*.test.ts', 'palindrome/**/*.test.ts', 'gateway/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'docs/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', 'dist/**'],
    // The default report, then the failures again as the last lines of the run.
    reporters: ['default', './test/support/vitest-failures-last.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
