import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GET as livez } from '@/app/api/v1/livez/route';
import { checkReadiness } from '@/lib/config/check-readiness';
import { clearShuttingDown, markShuttingDown } from '@/lib/config/shutdown-signal';
import { GET } from './route';

const dir = mkdtempSync(path.join(tmpdir(), 'dcloud-readyz-'));
const drain = path.join(dir, 'draining');
afterEach(() => {
  delete process.env.DCLOUD_DRAIN_FILE;
  clearShuttingDown(drain);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GET /api/v1/readyz', () => {
  it('is ready when the database answers and every migration of this build is applied', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, db: true, pendingMigrations: 0, shuttingDown: false });
  });

  it('answers 503 from the moment npm start marks the server as shutting down', async () => {
    process.env.DCLOUD_DRAIN_FILE = drain;
    expect((await GET()).status).toBe(200);
    markShuttingDown(drain);
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, db: true, shuttingDown: true });
  });
});

describe('checkReadiness', () => {
  it('counts a migration of this build that the database lacks as pending, and is not ready', async () => {
    const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_next_release' });
    const file = path.join(dir, '_journal.json');
    writeFileSync(file, JSON.stringify(journal));
    expect(await checkReadiness({ journalFile: file, drainFile: null })).toEqual({
      ready: false,
      db: true,
      pendingMigrations: 1,
      shuttingDown: false,
    });
  });

  it('is not ready when the database cannot be reached', async () => {
    // nothing listens on port 1: the connection is refused at once
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1 });
    try {
      const readiness = await checkReadiness({ db: drizzle({ client: pool }), drainFile: null });
      expect(readiness).toEqual({ ready: false, db: false, pendingMigrations: null, shuttingDown: false });
    } finally {
      await pool.end();
    }
  });
});

describe('GET /api/v1/livez', () => {
  it('answers 200 whatever the database does', async () => {
    const res = livez();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
