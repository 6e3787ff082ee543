import { defineConfig } from '@playwright/test';

// Each spec file serves a workspace of its own (tests/e2e/fixtures.ts:
// "mopsdesk serve" from MOPSDESK_BIN, or build/bin/mopsdesk, on a fresh
// data folder and a free port), so no file depends on another or on the
// order files run in.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: '../test-artifacts/e2e',
  use: {
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium; no test tool downloads a browser of its own.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
