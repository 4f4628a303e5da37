import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUser } from '@/db/testing/fixtures';
import { apiToken } from '@/db/testing/http';
import { runInRequestScope } from '@/db/testing/next-request-scope';
import {
  accessMatrix,
  type Identity,
  identities,
  type MatrixCase,
  outsideMatrix,
} from './access-matrix.table';
import { makeObjects, type Objects, remember } from './matrix-objects';
import { type ApiRoute, routeHandlers } from './route-inventory';

// Issue #6, "security: the access matrix": every route handler under app/ (API v1 and the file
// exports), found on disk, asked with every method it exports by every demo identity and by nobody,
// against real objects of 교통국 — each answer as access-matrix.table.ts says, and every refused state
// change leaving its object as it was.

let routes: ApiRoute[];
let objects: Objects;
const tokens = {} as Record<DemoUser, string>;
/** what each identity was answered, for the table printed at the end */
const answered = new Map<string, Partial<Record<Identity, string>>>();

beforeAll(async () => {
  routes = await routeHandlers();
  objects = await makeObjects();
  for (const who of identities) if (who !== 'anonymous') tokens[who] = await apiToken(who);
}, 120_000);

afterAll(async () => {
  await objects?.tidy();
  const rows = [...answered.values()];
  const checks = rows.reduce((n, r) => n + Object.keys(r).length, 0);
  console.table(Object.fromEntries(answered));
  console.log(
    `access matrix: ${routes.length - Object.keys(outsideMatrix).length} routes and methods (${rows.length} cases) × ${identities.length} identities = ${checks} checks`,
  );
});

const is2xx = (status: number) => status >= 200 && status < 300;

/** The route's params as Next would pass them: each [segment] of the pattern, read from the path. */
function paramsOf(pattern: string, path: string): Record<string, string> {
  const names = pattern.split('/');
  const values = new URL(path, 'http://localhost').pathname.split('/');
  return Object.fromEntries(
    names.flatMap((name, i) => (/^\[.+\]$/.test(name) ? [[name.slice(1, -1), values[i] ?? '']] : [])),
  );
}

/** Calls a route handler as Next would (db/testing/http.ts's callRoute, for answers that are files too). */
async function callHandler(route: ApiRoute, path: string, token: string | undefined, body: unknown) {
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  if (body !== undefined) headers.set('content-type', 'application/json');
  const req = new Request(new URL(path, 'http://localhost:3000'), {
    method: route.method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const params = Promise.resolve(paramsOf(route.pattern, path));
  const res = await runInRequestScope(req, () => route.handler(req, { params }));
  const text = await res.text();
  const json =
    res.headers.get('content-type')?.includes('application/json') && text ? JSON.parse(text) : null;
  return { status: res.status, body: json as { id?: unknown; error?: { code: string } } | null };
}

/** Asks the route as `who`; a refused state change must leave its object unchanged. */
async function ask(route: ApiRoute, c: MatrixCase, who: Identity): Promise<{ status: number; note: string }> {
  const allowed = is2xx(c.expect[who]);
  const o =
    allowed && c.fresh ? { ...objects.shared, [c.fresh]: await objects.fresh(c.fresh) } : objects.shared;
  const path = c.path(o);
  const before = allowed ? undefined : await c.watch?.(o);
  const token = who === 'anonymous' ? undefined : tokens[who];
  const res = await callHandler(route, path, token, c.body?.(o, who));
  if (is2xx(res.status) && route.method === 'POST') remember(res.body?.id);
  let note = '';
  if (!allowed && c.watch) {
    const after = await c.watch(o);
    if (JSON.stringify(after) !== JSON.stringify(before))
      note = ` changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  }
  if (res.status !== c.expect[who]) note += ` (${res.body?.error?.code ?? 'no error'})`;
  return { status: res.status, note };
}

describe('the access matrix of the route handlers', () => {
  it('has a row for every route and method on disk, and none for a route that is gone', () => {
    const onDisk = routes.map((r) => r.key).sort();
    const inTable = [...Object.keys(accessMatrix), ...Object.keys(outsideMatrix)].sort();
    expect(
      onDisk.filter((k) => !inTable.includes(k)),
      'routes with no row: deny by default',
    ).toEqual([]);
    expect(
      inTable.filter((k) => !onDisk.includes(k)),
      'rows for no route',
    ).toEqual([]);
  });

  it('says, for every state change, what a refused call must leave unchanged', () => {
    const unwatched = Object.entries(accessMatrix).flatMap(([key, cases]) =>
      key.startsWith('GET ') ? [] : cases.filter((c) => !c.watch).map((c) => `${key} ${c.label ?? ''}`),
    );
    expect(unwatched).toEqual([]);
  });

  it.each(Object.keys(accessMatrix))(
    '%s',
    async (key) => {
      const route = routes.find((r) => r.key === key);
      expect(route, `${key} is not on disk`).toBeDefined();
      const wrong: string[] = [];
      for (const c of accessMatrix[key]!) {
        const cells: Partial<Record<Identity, string>> = {};
        for (const who of identities) {
          const { status, note } = await ask(route!, c, who);
          const expected = c.expect[who];
          cells[who] = status === expected && !note ? String(status) : `${status}≠${expected}`;
          if (status !== expected || note) wrong.push(`${who}: ${status}, expected ${expected}${note}`);
        }
        answered.set(c.label ? `${key} — ${c.label}` : key, cells);
      }
      expect(wrong, key).toEqual([]);
    },
    120_000,
  );
});
