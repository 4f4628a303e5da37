import { type DemoUser, demoEmails, demoPassword } from '@/db/testing/fixtures';
import { addMonths } from '@/lib/lifecycle/lease-dates';
import { seoulDay } from '@/lib/lifecycle/sweep-leases';
import {
  type FreshKind,
  type MatrixObjects,
  reportState,
  requestCount,
  requestState,
  resourceState,
  tokenCount,
} from './matrix-objects';

// The access matrix of the route handlers: for every route and method under app/ — API v1 and the
// dashboards' and reports' file exports — (found on disk by access-matrix.test.ts), what each demo
// identity is answered. Deny by default: a route or method with neither a row here nor a reason in
// `outsideMatrix` fails the test, and so does a row that names no answer for an identity.
//
// Answers: 2xx allowed · 401 not signed in · 403 signed in without the permission, or seeing the
// object without being allowed to act on it · 404 another department's object (reveals nothing), or
// a route switched off · 409 the object is visible but its pending step does not await the caller.
// Every object belongs to 교통국 (lib/security/matrix-objects.ts); 복지국's users are the other
// department. Identities call with a personal access token made by POST /api/v1/tokens.

export const identities = [
  'anonymous',
  'staff', // requester, 교통국
  'head', // dept_approver, 교통국
  'it', // it_reviewer, 정보화담당관 (sees every department)
  'director', // senior_approver, 기획조정실 (sees every department)
  'planner', // planner, 정보화담당관 (sees every department)
  'admin', // admin, 정보화담당관
  'welfare', // requester, 복지국
  'welfareHead', // dept_approver, 복지국
] as const satisfies readonly ('anonymous' | DemoUser)[];
export type Identity = (typeof identities)[number];

export type Expected = Record<Identity, number>;

export type MatrixCase = {
  /** what is asked, when a route is asked about more than one object or in more than one way */
  label?: string;
  /** the path with real ids; the route's params are read back from it */
  path: (o: MatrixObjects) => string;
  body?: (o: MatrixObjects, who: Identity) => unknown;
  /** allowed calls act on a fresh object of this kind (substituted into `o`), refused ones on the shared one */
  fresh?: FreshKind;
  /** for state changes: what a refused call must leave as it was */
  watch?: (o: MatrixObjects) => Promise<unknown>;
  expect: Expected;
};

/** One row of answers, in the order of `identities`. */
function row(...answers: number[]): Expected {
  if (answers.length !== identities.length) throw new Error(`a row needs ${identities.length} answers`);
  return Object.fromEntries(identities.map((who, i) => [who, answers[i]])) as Expected;
}

//                     anon staff head   it  dir plan admin welf wHead
const everyone = row(200, 200, 200, 200, 200, 200, 200, 200, 200);
const signedIn = row(401, 200, 200, 200, 200, 200, 200, 200, 200);
const dashboards = row(401, 403, 403, 200, 200, 200, 200, 403, 403);
const ownDepartment = row(401, 200, 200, 200, 200, 200, 200, 404, 404);
const switchedOff = row(404, 404, 404, 404, 404, 404, 404, 404, 404);

const vmBody = (name: string) => ({
  catalogItemId: 'vm-standard',
  systemName: `접근 행렬 시험 ${name}`,
  spec: { name },
  environment: 'dev',
  purpose: '접근 권한 행렬 시험용 가상 서버입니다',
});
let names = 0;
const nextName = () => `matrix-${process.pid}-${++names}`;

/** Route handlers that are not the portal's to authorise, each with why. */
export const outsideMatrix: Record<string, string> = {
  'GET /api/auth/[...nextauth]': 'next-auth’s own endpoints (providers, session, CSRF token, OIDC callback)',
  'POST /api/auth/[...nextauth]': 'next-auth’s own sign-in and sign-out, behind its double-submit CSRF token',
};

const exportOf = (page: string, table: string) => ({
  path: () => `/dashboards/${page}/export?table=${table}&format=csv`,
  expect: dashboards,
});

export const accessMatrix: Record<string, MatrixCase[]> = {
  // the benchmark's bare handler: 404 unless DCLOUD_BENCH=1 (no auth, no database, no state by design)
  'GET /api/v1/bench/noop': [{ path: () => '/api/v1/bench/noop', expect: switchedOff }],
  'POST /api/v1/bench/noop': [
    {
      path: () => '/api/v1/bench/noop',
      body: () => ({}),
      watch: async () => 'stateless',
      expect: switchedOff,
    },
  ],
  'GET /api/v1/catalog': [{ path: () => '/api/v1/catalog', expect: signedIn }],
  'GET /api/v1/dashboards/runway': [{ path: () => '/api/v1/dashboards/runway', expect: dashboards }],
  'GET /api/v1/dashboards/savings': [{ path: () => '/api/v1/dashboards/savings', expect: dashboards }],
  'GET /api/v1/dashboards/showback': [{ path: () => '/api/v1/dashboards/showback', expect: dashboards }],
  'GET /api/v1/dashboards/utilisation': [
    { path: () => '/api/v1/dashboards/utilisation', expect: dashboards },
  ],
  // probes and the API description: public by design
  'GET /api/v1/healthz': [{ path: () => '/api/v1/healthz', expect: everyone }],
  'GET /api/v1/livez': [{ path: () => '/api/v1/livez', expect: everyone }],
  'GET /api/v1/readyz': [{ path: () => '/api/v1/readyz', expect: everyone }],
  'GET /api/v1/openapi.json': [{ path: () => '/api/v1/openapi.json', expect: everyone }],
  'GET /api/v1/me': [{ path: () => '/api/v1/me', expect: signedIn }],
  //                                                      anon staff head   it  dir plan admin welf wHead
  'GET /api/v1/pools': [
    { path: () => '/api/v1/pools', expect: row(401, 403, 403, 200, 403, 200, 200, 403, 403) },
  ],
  'GET /api/v1/reports': [{ path: () => '/api/v1/reports', expect: dashboards }],
  'POST /api/v1/reports': [
    {
      label: '월 마감 of a month that is over',
      path: () => '/api/v1/reports',
      body: (o) => ({ month: o.monthToClose }),
      fresh: 'monthToClose',
      watch: (o) => reportState(o.monthToClose),
      expect: row(401, 403, 403, 403, 403, 201, 201, 403, 403),
    },
  ],
  'GET /api/v1/reports/[month]': [{ path: (o) => `/api/v1/reports/${o.closedMonth}`, expect: dashboards }],
  'GET /api/v1/requests': [{ path: () => '/api/v1/requests', expect: signedIn }],
  'POST /api/v1/requests': [
    {
      label: 'a VM for a new system of the caller’s department',
      path: () => '/api/v1/requests',
      body: () => vmBody(nextName()),
      watch: () => requestCount(),
      expect: row(401, 201, 201, 403, 403, 403, 201, 201, 201),
    },
  ],
  'GET /api/v1/requests/[id]': [{ path: (o) => `/api/v1/requests/${o.request}`, expect: ownDepartment }],
  'POST /api/v1/requests/[id]/cancel': [
    {
      // IT, the director and the planner see the request (GET answers 200) but cancelRequest answers
      // them 404 as it does another department; the head and the admin 403: only the drafter withdraws
      label: 'a request of 교통국 drafted by staff@',
      path: (o) => `/api/v1/requests/${o.request}/cancel`,
      body: () => ({}),
      fresh: 'request',
      watch: (o) => requestState(o.request),
      expect: row(401, 200, 403, 404, 404, 404, 403, 404, 404),
    },
  ],
  'POST /api/v1/requests/[id]/decision': [
    {
      label: 'approve, at the department head’s step',
      path: (o) => `/api/v1/requests/${o.request}/decision`,
      body: () => ({ decision: 'approve' }),
      fresh: 'request',
      watch: (o) => requestState(o.request),
      expect: row(401, 403, 200, 409, 409, 409, 409, 403, 404),
    },
    {
      label: 'approve, at the IT reviewer’s step',
      path: (o) => `/api/v1/requests/${o.requestAtIt}/decision`,
      body: () => ({ decision: 'approve' }),
      fresh: 'requestAtIt',
      watch: (o) => requestState(o.requestAtIt),
      expect: row(401, 403, 409, 200, 409, 409, 409, 403, 404),
    },
  ],
  'GET /api/v1/resources': [{ path: () => '/api/v1/resources', expect: signedIn }],
  'GET /api/v1/resources/[id]': [{ path: (o) => `/api/v1/resources/${o.resource}`, expect: ownDepartment }],
  'GET /api/v1/resources/[id]/changes': [
    { path: (o) => `/api/v1/resources/${o.resource}/changes`, expect: ownDepartment },
  ],
  'POST /api/v1/resources/[id]/changes': [
    {
      label: 'resize: a larger disk',
      path: (o) => `/api/v1/resources/${o.resource}/changes`,
      body: () => ({ kind: 'resize', change: { diskGb: 200 }, purpose: '접근 권한 행렬 시험용 디스크 증설' }),
      fresh: 'resource',
      watch: (o) => resourceState(o.resource),
      expect: row(401, 201, 201, 403, 403, 403, 201, 404, 404),
    },
  ],
  'POST /api/v1/resources/[id]/decommission': [
    {
      label: '반납: by the requester, the department’s approver or an admin',
      path: (o) => `/api/v1/resources/${o.resource}/decommission`,
      body: () => ({}),
      fresh: 'resource',
      watch: (o) => resourceState(o.resource),
      expect: row(401, 202, 202, 403, 403, 403, 202, 404, 404),
    },
  ],
  'POST /api/v1/resources/[id]/lease': [
    {
      label: '사용 기간 연장 by two months',
      path: (o) => `/api/v1/resources/${o.resource}/lease`,
      body: () => ({ leaseUntil: addMonths(seoulDay(new Date()), 2) }),
      fresh: 'resource',
      watch: (o) => resourceState(o.resource),
      expect: row(401, 200, 200, 403, 403, 403, 200, 404, 404),
    },
  ],
  'POST /api/v1/tokens': [
    {
      // API.md: a token by a local account's password, or by a browser session — never by another token
      label: 'by the caller’s token alone, no credentials',
      path: () => '/api/v1/tokens',
      body: () => ({ name: 'matrix' }),
      watch: () => tokenCount(),
      expect: row(401, 401, 401, 401, 401, 401, 401, 401, 401),
    },
    {
      label: 'by the caller’s email and password',
      path: () => '/api/v1/tokens',
      body: (_o, who) =>
        who === 'anonymous'
          ? { name: 'matrix' }
          : { email: demoEmails[who], password: demoPassword, name: 'matrix' },
      watch: () => tokenCount(),
      expect: row(401, 201, 201, 201, 201, 201, 201, 201, 201),
    },
  ],
  // the dashboards' and the monthly report's CSV/XLSX exports: the same permission as their pages
  'GET /dashboards/rightsizing/export': [exportOf('rightsizing', 'resources')],
  'GET /dashboards/runway/export': [exportOf('runway', 'runway')],
  'GET /dashboards/savings/export': [exportOf('savings', 'years')],
  'GET /dashboards/showback/export': [exportOf('showback', 'departments')],
  'GET /dashboards/utilisation/export': [exportOf('utilisation', 'series')],
  'GET /reports/[month]/export': [
    { path: (o) => `/reports/${o.closedMonth}/export?table=departments&format=csv`, expect: dashboards },
  ],
};
