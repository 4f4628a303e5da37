import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '@/db/testing/http';
import { accessMatrix, type Identity, type MatrixCase } from './access-matrix.table';
import { makeObjects, type Objects, remember, tokenCount } from './matrix-objects';
import { type ApiRoute, routeHandlers } from './route-inventory';
import { sessionHeaders, testOrigin } from './session-cookie';

// Issue #6, CSRF on state changes: a browser session (the next-auth cookie) may change state only
// from the portal's own origin (lib/api/with-api.ts). Every state-changing route on disk is sent the
// cookie of a user who may make the call: from the portal it succeeds; without an Origin, from a
// foreign origin or a sibling site it is refused with 403 and changes nothing.

/** Routes that never read the session, so a forged request has nothing to ride on. */
const exempt: Record<string, string> = {
  'POST /api/v1/bench/noop': 'no auth and no state by design; 404 unless DCLOUD_BENCH=1',
  'POST /api/auth/[...nextauth]': 'next-auth’s own sign-in and sign-out, behind its double-submit CSRF token',
};

/** A call to make with a session where the access matrix has none (it calls with tokens). */
const sessionCases: Record<string, { who: Identity; case: MatrixCase; status: number }> = {
  'POST /api/v1/tokens': {
    who: 'staff',
    case: {
      path: () => '/api/v1/tokens',
      body: () => ({ name: 'csrf' }),
      watch: tokenCount,
      expect: {} as never,
    },
    status: 201,
  },
};

const forged: { label: string; headers: Record<string, string> }[] = [
  { label: 'no Origin and no Sec-Fetch-Site', headers: {} },
  { label: 'a foreign Origin', headers: { origin: 'https://evil.example' } },
  {
    label: 'a foreign Origin, Sec-Fetch-Site cross-site',
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  },
  { label: 'Sec-Fetch-Site cross-site and no Origin', headers: { 'sec-fetch-site': 'cross-site' } },
  {
    label: 'a sibling site (same-site, another host)',
    headers: { origin: 'http://other.localhost:3000', 'sec-fetch-site': 'same-site' },
  },
  { label: 'the portal’s host on another port', headers: { origin: 'http://localhost:4444' } },
];

let routes: ApiRoute[];
let objects: Objects;
beforeAll(async () => {
  routes = (await routeHandlers()).filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
  objects = await makeObjects();
}, 120_000);
afterAll(() => objects?.tidy());

/** The call and the caller for a route: the first identity the access matrix allows. */
function callFor(key: string): { who: Identity; case: MatrixCase; status: number } {
  if (sessionCases[key]) return sessionCases[key];
  for (const c of accessMatrix[key] ?? []) {
    const allowed = Object.entries(c.expect).find(([who, s]) => who !== 'anonymous' && s >= 200 && s < 300);
    if (allowed) return { who: allowed[0] as Identity, case: c, status: allowed[1] };
  }
  throw new Error(`${key}: no identity may make this call, so nothing shows the session works`);
}

async function send(route: ApiRoute, key: string, headers: Record<string, string>) {
  const { who, case: c } = callFor(key);
  const o = c.fresh ? { ...objects.shared, [c.fresh]: await objects.fresh(c.fresh) } : objects.shared;
  const path = c.path(o);
  const params = Object.fromEntries(
    route.pattern
      .split('/')
      .flatMap((seg, i) => (/^\[.+\]$/.test(seg) ? [[seg.slice(1, -1), path.split('/')[i] ?? '']] : [])),
  );
  const before = await c.watch?.(o);
  const res = await callRoute<{ id?: unknown; error?: { code: string } }, Record<string, string>>(
    route.handler,
    {
      method: route.method,
      path,
      params,
      body: c.body?.(o, who),
      headers: {
        ...(await sessionHeaders(objects.actors[who as Exclude<Identity, 'anonymous'>].id)),
        ...headers,
      },
    },
  );
  if (res.status < 300) remember(res.body?.id);
  return { res, before, after: await c.watch?.(o) };
}

describe('CSRF: a cookie session changes state only from the portal’s origin', () => {
  it('knows every state-changing route on disk', () => {
    const unknown = routes
      .map((r) => r.key)
      .filter((k) => !exempt[k] && !sessionCases[k] && !(accessMatrix[k] ?? []).some((c) => c.watch));
    expect(unknown).toEqual([]);
  });

  const keys = () => routes.map((r) => r.key).filter((k) => !exempt[k]);

  it('accepts each from the portal’s own origin (so the session itself works)', async () => {
    const wrong: string[] = [];
    for (const key of keys()) {
      const route = routes.find((r) => r.key === key)!;
      const { res } = await send(route, key, { origin: testOrigin, 'sec-fetch-site': 'same-origin' });
      if (res.status !== callFor(key).status) wrong.push(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it.each(forged)(
    'refuses each with 403 and changes nothing: $label',
    async ({ headers }) => {
      const wrong: string[] = [];
      for (const key of keys()) {
        const route = routes.find((r) => r.key === key)!;
        const { res, before, after } = await send(route, key, headers);
        if (res.status !== 403 || res.body?.error?.code !== 'forbidden') wrong.push(`${key}: ${res.status}`);
        if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${key}: changed state`);
      }
      expect(wrong).toEqual([]);
    },
    120_000,
  );

  // `Origin: null` (sandboxed frames, data: URLs, some redirects) without Sec-Fetch-Site (a browser
  // without fetch metadata, or any client): refused with a 403 and nothing changes. (It used to be a
  // 500: `new URL('null')` throws; lib/api/with-api.ts now refuses an Origin it cannot parse.)
  const nullOrigin = { origin: 'null' };

  it('refuses each and changes nothing: Origin null (a sandboxed frame)', async () => {
    const wrong: string[] = [];
    for (const key of keys()) {
      const route = routes.find((r) => r.key === key)!;
      const { res, before, after } = await send(route, key, nullOrigin);
      if (res.status < 400) wrong.push(`${key}: ${res.status}`);
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${key}: changed state`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('answers Origin null with 403, not 500', async () => {
    const key = 'POST /api/v1/requests';
    const { res } = await send(routes.find((r) => r.key === key)!, key, nullOrigin);
    expect(res.status).toBe(403);
  });
});
