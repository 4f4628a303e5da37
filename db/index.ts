import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { resolveDatabaseUrl } from './connection-url';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A drizzle handle that may be the pool or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { dcloudPool?: pg.Pool; dcloudDb?: Db };

/** The one connection pool of this process. Created on first use, so builds never connect. */
export function getPool(): pg.Pool {
  if (!globalForDb.dcloudPool) {
    const connectionString = resolveDatabaseUrl();
    if (!connectionString) {
      throw new Error('No database: set DATABASE_URL or start the embedded PostgreSQL with `npm start`.');
    }
    globalForDb.dcloudPool = new pg.Pool({
      connectionString,
      max: Number(process.env.DB_POOL_MAX ?? 10),
      application_name: process.env.DCLOUD_PROCESS ?? 'dcloud-portal',
    });
    // A connection dropped by the server (restart, failover) must not crash the process. The pool
    // reports an idle one; one checked out (a transaction in progress) is reported only by its
    // client, whose 'error' event throws when nothing listens. The statement in flight fails on its
    // own (a 503, lib/api/error-response.ts), and the pool discards the broken client on release.
    globalForDb.dcloudPool.on('error', () => undefined);
    globalForDb.dcloudPool.on('connect', (client) =>
      client.on('error', (error) => console.error('[db] connection lost:', error.message)),
    );
  }
  return globalForDb.dcloudPool;
}

export function getDb(): Db {
  if (!globalForDb.dcloudDb) globalForDb.dcloudDb = drizzle({ client: getPool(), schema });
  return globalForDb.dcloudDb;
}

/** Closes this process's pool (tests, CLI, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const pool = globalForDb.dcloudPool;
  globalForDb.dcloudPool = undefined;
  globalForDb.dcloudDb = undefined;
  await pool?.end();
}
