import { afterAll, inject, vi } from 'vitest';
import { closeDb } from '@/db';
import { stopBoss } from '@/lib/jobs/boss';

// Every test file talks to the run's database (db/testing/global-setup.ts); db/index.ts reads
// DATABASE_URL on first use, so setting it here, before any test runs, is enough.
process.env.DATABASE_URL = inject('databaseUrl');

// Route handlers read the request scope through next/headers (next-auth's session lookup);
// answer from the request the test is sending (db/testing/next-request-scope.ts).
vi.mock('next/headers', async () => (await import('./next-request-scope')).nextHeadersForTests);

afterAll(async () => {
  await stopBoss();
  await closeDb();
});
