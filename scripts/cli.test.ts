import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { GET as me } from '@/app/api/v1/me/route';
import { callRoute } from '@/db/testing/http';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** `npx tsx scripts/cli.ts ...` against the run's database; resolves with its exit code and output. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run cli -- token create', () => {
  it('prints a token, once, that works as a bearer token', async () => {
    const result = await cli('token', 'create', '--email', 'staff@dcloud.example', '--name', 'ci');
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^dcp_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toContain('staff@dcloud.example');

    const { status, body } = await callRoute<{ email: string }>(me, { path: '/api/v1/me', token });
    expect(status).toBe(200);
    expect(body.email).toBe('staff@dcloud.example');
  });

  it('exits non-zero and says so for an unknown email', async () => {
    const result = await cli('token', 'create', '--email', 'nobody@dcloud.example');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('No active user with the email nobody@dcloud.example');
  });

  it.each([
    { label: 'no email', args: ['token', 'create'] },
    { label: 'an unknown command', args: ['user', 'delete', '--email', 'staff@dcloud.example'] },
  ])('prints the usage for $label', async ({ args }) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('usage: npm run cli -- token create --email');
  });

  it('refuses a lifetime beyond a year', async () => {
    const result = await cli('token', 'create', '--email', 'staff@dcloud.example', '--days', '400');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--days');
  });
});
