import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { isShuttingDown } from './shutdown-signal';

export type Readiness = {
  ready: boolean;
  /** the database answered within the time limit */
  db: boolean;
  /** migrations this code knows that the database has not applied; null when the database could not say */
  pendingMigrations: number | null;
  shuttingDown: boolean;
};

export type CheckReadinessOptions = {
  db?: Pick<Db, 'execute'>;
  /** drizzle-kit's journal of the migrations this build carries */
  journalFile?: string;
  /** the file whose presence means shutting down (lib/config/shutdown-signal.ts) */
  drainFile?: string | null;
  timeoutMs?: number;
};

const defaultJournal = () =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations/meta/_journal.json');

let journalCache: { file: string; whens: number[] } | null = null;

/** The creation times of the journal's migrations (read once per process: they ship with the build). */
function migrationTimes(file: string): number[] {
  if (journalCache?.file !== file) {
    const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: { when: number }[] };
    journalCache = { file, whens: journal.entries.map((e) => e.when) };
  }
  return journalCache.whens;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this web process should get traffic: not shutting down, the database reachable, and every
 * migration of this build applied. drizzle's migrator applies a migration when its journal time is
 * later than the last one recorded in drizzle.__drizzle_migrations; the same comparison counts what
 * is pending here (after a restore from an older backup, say, until migrations run again).
 */
export async function checkReadiness(options: CheckReadinessOptions = {}): Promise<Readiness> {
  const shuttingDown = isShuttingDown(options.drainFile);
  const database = options.db ?? getDb();
  const limit = options.timeoutMs ?? 2000;
  let db = false;
  let lastApplied: number | null = null;
  try {
    const [table] = (
      await withTimeout(
        database.execute<{ present: boolean }>(
          sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
        ),
        limit,
      )
    ).rows;
    db = true;
    lastApplied = 0;
    if (table?.present) {
      const [row] = (
        await withTimeout(
          database.execute<{ last: string | null }>(
            sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
          ),
          limit,
        )
      ).rows;
      lastApplied = Number(row?.last ?? 0);
    }
  } catch (error) {
    console.error('[readyz] database:', error instanceof Error ? error.message : error);
  }
  let pendingMigrations: number | null = null;
  if (lastApplied !== null) {
    try {
      const last = lastApplied;
      pendingMigrations = migrationTimes(options.journalFile ?? defaultJournal()).filter(
        (when) => when > last,
      ).length;
    } catch (error) {
      console.error('[readyz] migrations journal:', error instanceof Error ? error.message : error);
    }
  }
  return { ready: !shuttingDown && db && pendingMigrations === 0, db, pendingMigrations, shuttingDown };
}
