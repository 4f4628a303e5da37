import path from 'node:path';
import { defineConfig } from 'vitest/config';

// vitest 5 reports failures with Map.groupBy (Node 21+); on Node 20 it would crash instead of
// showing which assertion failed
const mapCtor = Map as unknown as { groupBy?: unknown };
mapCtor.groupBy ??= <K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K) => {
  const groups = new Map<K, V[]>();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
};

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**', '**/.data/**', 'e2e/**'],
    environment: 'node',
    // one PostgreSQL database for the run (created, migrated and seeded here, dropped at the end)
    globalSetup: ['db/testing/global-setup.ts'],
    // hands the database to each test file and closes its connections afterwards
    setupFiles: ['db/testing/setup-env.ts'],
    // the files share the demo users and the job queue: run them one after another
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: {
      // a fast simulator, so a provisioning run takes about a second instead of twelve
      SIM_BUILD_MS: '500',
      SIM_CALL_MS: '20',
      // every test asks POST /api/v1/tokens for its tokens from the same address
      RATE_LIMIT_TOKENS: '1000',
      // next-auth refuses to look up a session without a secret
      AUTH_SECRET: 'vitest-only-auth-secret-0123456789abcdef',
    },
    // next-auth imports `next/server` without an extension, which Node's ESM loader cannot resolve;
    // inlined, Vite resolves it, and the next/headers stand-in of db/testing/setup-env.ts reaches it
    server: { deps: { inline: ['next-auth'] } },
  },
});
