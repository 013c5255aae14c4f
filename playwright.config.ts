// End-to-end tests: the release build (dist/, built with --public-url /marginalia/) served from a
// sub-path, driven in the system's Chromium (no browser download). CHROMIUM_PATH overrides it;
// MARGINALIA_DIST serves another build folder than dist/ (e.g. `trunk build --dist /tmp/d`).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8123);
const dist = process.env.MARGINALIA_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/marginalia/`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/static-server.mjs ${port} ${JSON.stringify(dist)}`,
    url: `http://127.0.0.1:${port}/marginalia/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
