import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The runner and its workers must agree on the port and the data folder,
// so they are chosen once and passed down through the environment.
process.env.E2E_PORT ??= String(18000 + Math.floor(Math.random() * 2000));
process.env.E2E_DATA ??= mkdtempSync(join(tmpdir(), 'mopsdesk-e2e-'));
const port = process.env.E2E_PORT;
const bin = process.env.MOPSDESK_BIN ?? resolve(import.meta.dirname, '../build/bin/mopsdesk');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: '../test-artifacts/e2e',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
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
  webServer: {
    command: `"${bin}" serve --addr 127.0.0.1:${port} --data "${process.env.E2E_DATA}"`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 30_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
