import { existsSync, rmSync, writeFileSync } from 'node:fs';

/**
 * How `npm start` tells its web server that it is shutting down: it creates the file named by
 * DCLOUD_DRAIN_FILE (given to the server at spawn), and GET /api/v1/readyz answers 503 while the
 * file exists, so a load balancer stops sending new requests before the server goes away.
 * A file rather than a signal: the server is `next start` (or the standalone server.js), whose own
 * signal handlers exit at once.
 */
export function drainFile(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.DCLOUD_DRAIN_FILE || null;
}

export function isShuttingDown(file: string | null = drainFile()): boolean {
  return file !== null && existsSync(/*turbopackIgnore: true*/ file);
}

export function markShuttingDown(file: string): void {
  writeFileSync(file, `${new Date().toISOString()}\n`);
}

export function clearShuttingDown(file: string): void {
  rmSync(file, { force: true });
}
