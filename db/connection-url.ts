import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the embedded PostgreSQL keeps its files and records its port. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? '.data');
}

export function embeddedInfoFile(): string {
  return path.join(dataDir(), 'postgres.json');
}

/**
 * The database to use: DATABASE_URL when set; otherwise the embedded PostgreSQL that a running
 * `npm start` recorded under DATA_DIR (so a CLI joins it instead of starting a second one).
 */
export function resolveDatabaseUrl(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    const info = JSON.parse(readFileSync(embeddedInfoFile(), 'utf8')) as { url?: string };
    return info.url;
  } catch {
    return undefined;
  }
}
