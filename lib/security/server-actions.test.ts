import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInRequestScope } from '@/db/testing/next-request-scope';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import { errorMessage } from '@/lib/i18n/translate-error';
import { type Identity, identities } from './access-matrix.table';
import { makeObjects, type Objects, requestState } from './matrix-objects';
import { actionCases, actionGates, type Outcome } from './server-actions.table';
import { sessionHeaders, testOrigin } from './session-cookie';

// Issue #6, the access matrix of the server actions: every exported action of every 'use server'
// module under app/, called as every demo identity (a real next-auth session cookie in the request
// scope that next/headers answers from) and as nobody; then the actions on a department's objects
// against 교통국's, as access-matrix.test.ts does for the API.

// Outside Next there is no request config for next-intl nor a cache to revalidate.
vi.mock('next-intl/server', () => ({ getLocale: async () => 'ko' }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

type Action = (input: unknown) => Promise<{ ok: boolean; message?: string }>;

const appDir = path.join(process.cwd(), 'app');

/** Every .ts/.tsx file under app/ that mentions 'use server', and whether it is a whole module of actions. */
function serverActionFiles() {
  return readdirSync(appDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => /['"]use server['"]/.test(text))
    .map(({ file, text }) => ({
      file: path.relative(process.cwd(), file).split(path.sep).join('/'),
      whole: /^\s*['"]use server['"]/.test(text),
    }))
    .sort((x, y) => x.file.localeCompare(y.file));
}

let objects: Objects;
const actions = new Map<string, Action>();
beforeAll(async () => {
  for (const { file, whole } of serverActionFiles()) {
    if (!whole) continue;
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') actions.set(`${file}#${name}`, value as Action);
    }
  }
  objects = await makeObjects();
}, 120_000);
afterAll(() => objects?.tidy());

/** Calls an action as `who` and says what came of it. */
async function call(key: string, who: Identity, input: unknown): Promise<{ outcome: string; ok?: boolean }> {
  const action = actions.get(key);
  if (!action) throw new Error(`no action ${key}`);
  const headers: Record<string, string> =
    who === 'anonymous'
      ? { host: 'localhost:3000' }
      : { ...(await sessionHeaders(objects.actors[who].id)), origin: testOrigin };
  const req = new Request(`${testOrigin}/`, { method: 'POST', headers });
  try {
    const result = await runInRequestScope(req, () => action(input));
    return { outcome: result.ok ? 'ok' : `message:${result.message}`, ok: result.ok };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT') && digest.includes(';/signin;')) return { outcome: 'signin' };
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return { outcome: 'gate' };
    throw error;
  }
}

/** An outcome as `call` reports it: a refusal is the message the user reads. */
function asCalled(outcome: Outcome): string {
  if (outcome === 'ok' || outcome === 'signin' || outcome === 'gate') return outcome;
  const [code, messageKey] = outcome.split(':') as [ErrorCode, string];
  return `message:${errorMessage('ko', new AppError(code, { messageKey }))}`;
}

describe('the access matrix of the server actions', () => {
  it('has a row for every exported server action on disk, and none for one that is gone', () => {
    const inline = serverActionFiles().filter((f) => !f.whole);
    expect(
      inline.map((f) => f.file),
      'inline "use server" functions: move them to an actions module',
    ).toEqual([]);
    const onDisk = [...actions.keys()].sort();
    const inTable = Object.keys(actionGates).sort();
    expect(
      onDisk.filter((k) => !inTable.includes(k)),
      'actions with no row: deny by default',
    ).toEqual([]);
    expect(
      inTable.filter((k) => !onDisk.includes(k)),
      'rows for no action',
    ).toEqual([]);
  });

  it('lets through its gate exactly who holds the permission', async () => {
    const table: Record<string, Partial<Record<Identity, string>>> = {};
    const wrong: string[] = [];
    for (const [key, row] of Object.entries(actionGates)) {
      if (!('gate' in row)) continue;
      table[key.replace(/^app\/(\(portal\)\/)?/, '')] = {};
      for (const who of identities) {
        // no schema accepts null: past the gate the action refuses the input, so nothing changes
        const { outcome, ok } = await call(key, who, null);
        const got = outcome.startsWith('message:') ? 'pass' : outcome;
        table[key.replace(/^app\/(\(portal\)\/)?/, '')]![who] =
          got === row.gate[who] ? got : `${got}≠${row.gate[who]}`;
        if (got !== row.gate[who] || ok)
          wrong.push(`${key} as ${who}: ${outcome}, expected ${row.gate[who]}`);
      }
    }
    console.table(table);
    const checks = Object.keys(table).length * identities.length;
    console.log(
      `server actions: ${Object.keys(table).length} behind authedAction × ${identities.length} identities = ${checks} checks`,
    );
    expect(wrong).toEqual([]);
  }, 120_000);

  it.each(actionCases)(
    '$label: each identity as the table says, refusals changing nothing',
    async (c) => {
      const wrong: string[] = [];
      for (const who of identities) {
        const expected = c.known?.[who]?.answer ?? c.expect[who];
        const allowed = expected === 'ok';
        const o = allowed ? { ...objects.shared, [c.fresh]: await objects.fresh(c.fresh) } : objects.shared;
        const before = allowed ? undefined : await c.watch(o);
        const { outcome } = await call(c.action, who, c.input(o));
        if (outcome !== asCalled(expected)) wrong.push(`${who}: ${outcome}, expected ${asCalled(expected)}`);
        if (!allowed && JSON.stringify(await c.watch(o)) !== JSON.stringify(before))
          wrong.push(`${who}: changed state`);
      }
      for (const [who, known] of Object.entries(c.known ?? {})) {
        console.warn(
          `known: ${c.action} as ${who} answers ${known.answer}, not ${c.expect[who as Identity]}: ${known.why}`,
        );
      }
      expect(wrong).toEqual([]);
    },
    120_000,
  );

  it('refuses a decision by a forged email link, signed in or not, and changes nothing', async () => {
    const before = await requestState(objects.shared.request);
    for (const who of ['anonymous', 'welfareHead'] as const) {
      const form = new FormData();
      form.set('token', 'forged-link-token');
      form.set('decision', 'approve');
      const key = 'app/approve/[token]/actions.ts#decideByLinkAction';
      const action = actions.get(key) as unknown as (
        state: unknown,
        form: FormData,
      ) => Promise<{ status: string }>;
      const headers =
        who === 'anonymous' ? { host: 'localhost:3000' } : await sessionHeaders(objects.actors[who].id);
      const result = await runInRequestScope(new Request(`${testOrigin}/`, { method: 'POST', headers }), () =>
        action({ status: 'idle' }, form),
      );
      expect(result.status, who).toBe('refused');
    }
    const after = await requestState(objects.shared.request);
    expect(after).toEqual(before);
  });

  const bulk = async (who: Identity, requestId: string) => {
    const { outcome } = await call('app/(portal)/inbox/actions.ts#bulkApproveAction', who, {
      requestIds: [requestId],
    });
    return outcome;
  };

  it('approves nothing in bulk for another department’s approver', async () => {
    const before = await requestState(objects.shared.request);
    expect(await bulk('welfareHead', objects.shared.request)).toBe('ok');
    expect(await requestState(objects.shared.request)).toEqual(before);
  });

  // bulkApprove reads each item as the caller: another department's request is answered exactly as
  // an id that does not exist — 'not_found', no number — so the answer does not tell it exists
  it('names nothing of another department’s request in a bulk answer, as for an id that does not exist', async () => {
    const actor = objects.actors.welfareHead;
    const headers = { ...(await sessionHeaders(actor.id)), origin: testOrigin };
    const action = actions.get('app/(portal)/inbox/actions.ts#bulkApproveAction') as unknown as (
      input: unknown,
    ) => Promise<{ ok: boolean; results: { requestId: string; number: string | null }[] }>;
    const missing = '00000000-0000-4000-8000-000000000000';
    const answer = await runInRequestScope(new Request(`${testOrigin}/`, { method: 'POST', headers }), () =>
      action({ requestIds: [objects.shared.request, missing] }),
    );
    const [theirs, nobodys] = answer.results;
    expect(theirs).toEqual({
      requestId: objects.shared.request,
      number: null,
      ok: false,
      reason: 'not_found',
    });
    expect({ ...theirs, requestId: missing }).toEqual(nobodys);
  });
});
