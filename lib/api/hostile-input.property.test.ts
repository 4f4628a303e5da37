import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { belowThreshold, demoActor, submitVm } from '@/db/testing/fixtures';
import { apiToken, callRoute } from '@/db/testing/http';

// Property: whatever a signed-in client sends to any route under app/api/v1 — random and hostile JSON
// bodies, query strings, headers and path parameters (Korean, emoji, right-to-left text, NUL and lone
// surrogates, SQL and HTML injection, wrong types, nulls, deep nesting, oversized payloads) — the answer
// is never a 500, it is JSON in API.md's shape, and a refused call changes no row. Every route module is
// found on disk, so a route added later is covered without editing this file.

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { file: string; url: string; params: string[]; methods: [string, Handler][] };

const root = path.resolve('app/api/v1');
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

async function discoverRoutes(): Promise<Route[]> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts')
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      const dir = path.dirname(file) === '.' ? '' : `/${path.dirname(file)}`;
      return {
        file,
        url: `/api/v1${dir}`,
        params: [...dir.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!),
        methods: methods.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m] as Handler]),
      } satisfies Route;
    }),
  );
}

// Phase 1: the generators
const hostile = [
  "' OR '1'='1",
  "'; drop table requests; --",
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '버스정보 분석 시스템 (교통국)',
  '👩‍💻🚀☁️ 서버',
  '\u202Egnp.exe\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '../../../etc/passwd',
  '%00%27%22',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the Log4Shell probe, sent as it is
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '00000000-0000-0000-0000-000000000000',
  'null',
  'true',
  '[]',
  '{}',
  ' ',
  '',
  'x'.repeat(5000),
  '2024-02-30',
  '9999-99',
  '2021-01',
];
const hostileString = fc.oneof(
  fc.constantFrom(...hostile),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);
const scalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, Number.MAX_SAFE_INTEGER),
);
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The field names the API's bodies and queries use, so values reach the validators and beyond. */
const knownKeys = [
  'catalogItemId',
  'systemId',
  'systemName',
  'spec',
  'environment',
  'purpose',
  'leaseUntil',
  'drTier',
  'decision',
  'comment',
  'email',
  'password',
  'name',
  'expiresInDays',
  'months',
  'until',
  'flavor',
  'status',
  'mine',
  'pendingForMe',
  'limit',
  'cursor',
  'from',
  'to',
  'departmentId',
  'poolId',
  'granularity',
  'month',
  'asOf',
  'method',
  'threshold',
  'basis',
];
const plausible = fc.constantFrom(
  'vm-standard',
  'dev',
  'prod',
  'approve',
  'reject',
  'none',
  'replicated',
  'day',
  'month',
  '2099-12-31',
  '2021-06',
  'in_approval',
);
const fieldValue = fc.oneof(anyJson, plausible, fc.dictionary(fc.constantFrom(...knownKeys), anyJson));
const object = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), hostileString), fieldValue, {
  maxKeys: 8,
});

/** Valid bodies of the API's writes, one or two fields of which are then replaced by hostile values. */
const validBodies: Record<string, unknown>[] = [
  {
    catalogItemId: 'vm-standard',
    systemName: '버스정보 분석',
    spec: { name: 'bis-web-01' },
    environment: 'dev',
    purpose: '버스 도착 정보 분석용 웹 서버',
  },
  {
    catalogItemId: 'vm-standard',
    spec: { flavor: 'c16m64', image: 'rhel-9', diskGb: 2048 },
    environment: 'prod',
  },
  { decision: 'reject', comment: '사양을 다시 검토해 주세요' },
  { name: '야간 배치', expiresInDays: 7 },
  { months: 3 },
  { month: '2021-06' },
];
const mutatedBody = fc
  .tuple(
    fc.constantFrom(...validBodies),
    fc.array(fc.tuple(fc.constantFrom(...knownKeys), fc.option(fieldValue)), { minLength: 1, maxLength: 2 }),
  )
  .map(([valid, changes]) => {
    const body: Record<string, unknown> = structuredClone(valid);
    for (const [key, value] of changes) {
      if (value === null) delete body[key];
      else body[key] = value;
    }
    return JSON.stringify(body);
  });

function nested(depth: number): string {
  return `${'{"spec":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A body as sent on the wire: JSON of any shape, or text that is not JSON at all. */
const rawBody = fc.oneof(
  { weight: 4, arbitrary: object.map((o) => JSON.stringify(o)) },
  { weight: 4, arbitrary: mutatedBody },
  { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      nested(5000),
      `[${'['.repeat(20_000)}`,
      JSON.stringify({ purpose: 'x'.repeat(300 * 1024) }),
      JSON.stringify({ spec: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) }),
      '{"catalogItemId": "vm-standard", "spec": {"name": "a"}, "environment": "dev"',
      '\uFEFF{}',
    ),
  },
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...knownKeys), hostileString),
  fc.oneof(hostileString, plausible),
  {
    maxKeys: 5,
  },
);

const headers = fc.record(
  {
    'accept-language': fc.oneof(hostileString, fc.constantFrom('en', 'ko-KR,ko;q=0.9', '*', 'zz;q=abc')),
    'idempotency-key': hostileString,
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      '*/*;;',
    ),
    cookie: hostileString.map((v) => `dcloud-locale=${v}; authjs.session-token=${v}`),
  },
  { requiredKeys: [] },
);

/** Header values must be ByteStrings: what a client could not send in a header at all is dropped. */
function sendable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v)));
}

// Phase 2: what must not change when a call is refused
async function rowCounts(): Promise<Record<string, number>> {
  const result = await getDb().execute<Record<string, number>>(
    `select (select count(*)::int from requests) as requests,
            (select count(*)::int from resources) as resources,
            (select count(*)::int from audit_log) as audit,
            (select count(*)::int from approval_steps) as steps,
            (select count(*)::int from access_tokens) as tokens,
            (select count(*)::int from mail_outbox) as mails` as never,
  );
  return result.rows[0]!;
}

let routes: Route[];
let tokens: string[];
let realIds: string[];
beforeAll(async () => {
  routes = await discoverRoutes();
  tokens = await Promise.all([apiToken('staff'), apiToken('head'), apiToken('planner'), apiToken('admin')]);
  // real ids too, so hostile input also reaches the code behind the lookups
  const request = await submitVm(await demoActor('staff'), belowThreshold);
  realIds = [request.id];
}, 60_000);

const numRuns = Number(process.env.HOSTILE_RUNS ?? 30);

describe('hostile input to every API route', () => {
  it('finds the route modules', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((r) => r.url)).toContain('/api/v1/requests');
  });

  it.each([
    { label: 'a NUL character', text: '버스 도착 정보\u0000 분석용 웹 서버' },
    { label: 'a lone surrogate', text: '버스 도착 정보 \uD800 분석용 웹 서버' },
    { label: 'right-to-left override and emoji', text: '\u202E버스 도착 정보 분석 👩‍💻🚀 서버\u202C' },
  ])('a valid submission whose texts hold $label is answered without a 500', async ({ text }) => {
    const route = routes.find((r) => r.url === '/api/v1/requests')!;
    const post = route.methods.find(([m]) => m === 'POST')![1];
    const res = await callRoute(post, {
      path: '/api/v1/requests',
      token: tokens[0],
      body: { ...validBodies[0], systemName: text.slice(0, 20), purpose: text },
    });
    expect([201, 400]).toContain(res.status);
  });

  it('never answers 500, always answers JSON errors, and changes nothing when it refuses', async () => {
    const answered = new Map<string, number>();
    for (const route of routes) {
      for (const [method, handler] of route.methods) {
        const param = fc.oneof(hostileString, fc.constantFrom(...realIds), fc.uuid());
        await fc.assert(
          fc.asyncProperty(
            fc.record({
              token: fc.constantFrom(...tokens),
              params: fc.tuple(...route.params.map(() => param)),
              query,
              headers,
              body: method === 'GET' ? fc.constant(undefined) : rawBody,
            }),
            async (input) => {
              const params = Object.fromEntries(
                route.params.map((name, i) => [name, input.params[i] as string]),
              );
              const search = new URLSearchParams(input.query as Record<string, string>).toString();
              const before = await rowCounts();
              const res = await callRoute<
                { error?: { code: unknown; message: unknown } },
                Record<string, string>
              >(handler, {
                method,
                path: `${route.url}${search ? `?${search}` : ''}`,
                token: input.token,
                headers: sendable(input.headers as Record<string, string>),
                body: input.body,
                params,
              });
              const key = `${method} ${route.url} → ${res.status}`;
              answered.set(key, (answered.get(key) ?? 0) + 1);
              expect(res.status, `${method} ${route.url} ${JSON.stringify(res.body)}`).toBeLessThan(500);
              if (res.status >= 400) {
                expect(res.body?.error).toMatchObject({
                  code: expect.any(String),
                  message: expect.any(String),
                });
                expect(await rowCounts(), `${method} ${route.url} refused yet wrote`).toEqual(before);
              }
            },
          ),
          { numRuns: method === 'GET' ? Math.ceil(numRuns / 2) : numRuns },
        );
      }
    }
    console.log(
      [...answered]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join('\n'),
    );
  }, 300_000);
});
