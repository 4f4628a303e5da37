import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3456);
const baseURL = `http://localhost:${port}`;

// The e2e server's SMTP server keeps every mail it receives here as <n>.eml (scripts/e2e-server.ts),
// and the specs read it (e2e/email). Chosen here, where both the specs and the server (a child) see it.
process.env.E2E_MAIL_DIR ??= path.join(os.tmpdir(), `dcloud-e2e-mail-${process.pid}`);

/** Debian's Chromium where present: Playwright cannot download its own browsers here. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts',
    url: `${baseURL}/api/v1/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(port),
      SIM_BUILD_MS: '3000',
      SIM_CALL_MS: '100',
      APP_URL: baseURL,
      E2E_MAIL_DIR: process.env.E2E_MAIL_DIR,
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
