import { addMonths } from '@/lib/lifecycle/lease-dates';
import { seoulDay } from '@/lib/lifecycle/sweep-leases';
import { type Identity, identities } from './access-matrix.table';
import { type FreshKind, type MatrixObjects, requestState, resourceState } from './matrix-objects';

// The server actions' side of the access matrix. Every exported function of every 'use server'
// module under app/ (found on disk by server-actions.test.ts) has a row here, or the test fails.
//
// The permission gate (app/_auth/authed-action.ts → requireActor): nobody signed in → redirected to
// /signin ('signin'); signed in without the permission → notFound() ('gate', a 404 that reveals
// nothing); with it → the action runs ('pass'). The gate is asked with an input no schema accepts,
// so passing it changes nothing.

export type Gate = 'signin' | 'gate' | 'pass';

//                               anon      staff   head    it      dir     plan    admin   welf    wHead
const [S, G, P] = ['signin', 'gate', 'pass'] as const;
const gate = (...cells: Gate[]): Record<Identity, Gate> => {
  if (cells.length !== identities.length) throw new Error(`a row needs ${identities.length} cells`);
  return Object.fromEntries(identities.map((who, i) => [who, cells[i]])) as Record<Identity, Gate>;
};
const adminOnly = gate(S, G, G, G, G, G, P, G, G); // admin:manage
const creators = gate(S, P, P, G, G, G, P, P, P); // requests:create
const deciders = gate(S, G, P, P, P, P, P, G, P); // requests:decide
const everyone = gate(S, P, P, P, P, P, P, P, P); // requests:read, resources:read, tokens:manage
const dashboards = gate(S, G, G, P, P, P, P, G, G); // dashboards:read
const closers = gate(S, G, G, G, G, P, P, G, G); // reports:close

/** An action behind authedAction, with who passes its gate; or a public one, with why it is public. */
export type ActionRow = { gate: Record<Identity, Gate> } | { public: string };

export const actionGates: Record<string, ActionRow> = {
  'app/(portal)/admin/departments/actions.ts#createDepartmentAction': { gate: adminOnly },
  'app/(portal)/admin/departments/actions.ts#updateDepartmentAction': { gate: adminOnly },
  'app/(portal)/admin/drift/actions.ts#reconcileNowAction': { gate: adminOnly },
  'app/(portal)/admin/policies/actions.ts#savePolicyAction': { gate: adminOnly },
  'app/(portal)/admin/pools/actions.ts#setPoolProvidersAction': { gate: adminOnly },
  'app/(portal)/admin/steps/actions.ts#reassignStepAction': { gate: adminOnly },
  'app/(portal)/admin/users/actions.ts#createUserAction': { gate: adminOnly },
  'app/(portal)/admin/users/actions.ts#updateUserAction': { gate: adminOnly },
  'app/(portal)/dashboards/savings/actions.ts#whatIfAction': { gate: dashboards },
  'app/(portal)/inbox/actions.ts#bulkApproveAction': { gate: deciders },
  'app/(portal)/reports/actions.ts#closeMonthAction': { gate: closers },
  'app/(portal)/requests/actions.ts#submitRequestAction': { gate: creators },
  'app/(portal)/requests/actions.ts#decideAction': { gate: deciders },
  'app/(portal)/requests/actions.ts#cancelRequestAction': { gate: everyone },
  'app/(portal)/requests/actions.ts#resubmitAction': { gate: creators },
  'app/(portal)/requests/new/actions.ts#checkFitAction': { gate: creators },
  'app/(portal)/resources/[id]/actions.ts#decommissionAction': { gate: everyone },
  'app/(portal)/resources/[id]/actions.ts#requestChangeAction': { gate: creators },
  'app/(portal)/resources/[id]/actions.ts#extendLeaseAction': { gate: everyone },
  'app/(portal)/settings/delegations/actions.ts#createDelegationAction': { gate: deciders },
  'app/(portal)/settings/delegations/actions.ts#revokeDelegationAction': { gate: deciders },
  'app/(portal)/settings/tokens/actions.ts#createTokenAction': { gate: everyone },
  'app/(portal)/settings/tokens/actions.ts#revokeTokenAction': { gate: everyone },
  'app/_actions/session.ts#signOutAction': { public: 'signs out whoever calls it' },
  'app/_actions/session.ts#setLocaleAction': { public: 'sets the language cookie of whoever calls it' },
  'app/approve/[token]/actions.ts#decideByLinkAction': {
    public:
      'the email link’s single-use token authenticates this one decision (asked below with a forged one)',
  },
  'app/signin/actions.ts#signInWithPassword': { public: 'signing in' },
  'app/signin/actions.ts#signInAsDemoUser': {
    public: 'signing in (demo mode and listed demo accounts only)',
  },
  'app/signin/actions.ts#signInWithSso': { public: 'signing in' },
};

// Past the gate, the actions on a department's objects, asked about 교통국's objects by everyone:
// 'ok' → { ok: true }; 'code:messageKey' → { ok: false } with that error's message; 'signin' and
// 'gate' as above. `known` marks an answer that differs from the intended one, with why (a finding).

export type Outcome = 'ok' | 'signin' | 'gate' | `${string}:${string}`;

export type ActionCase = {
  action: string;
  label: string;
  input: (o: MatrixObjects) => unknown;
  fresh: FreshKind;
  watch: (o: MatrixObjects) => Promise<unknown>;
  expect: Record<Identity, Outcome>;
  known?: Partial<Record<Identity, { answer: Outcome; why: string }>>;
};

const row = (...cells: Outcome[]) =>
  Object.fromEntries(identities.map((who, i) => [who, cells[i]])) as Record<Identity, Outcome>;
const [NR, NF] = ['not_found:requestNotFound', 'not_found:resourceNotFound'] as const;

export const actionCases: ActionCase[] = [
  {
    action: 'app/(portal)/requests/actions.ts#decideAction',
    label: 'approve a request of 교통국 at its head’s step',
    input: (o) => ({ requestId: o.request, decision: 'approve' }),
    fresh: 'request',
    watch: (o) => requestState(o.request),
    //    anon staff head  it                          director                    planner                     admin                       welfare wHead
    expect: row(
      S,
      G,
      'ok',
      'conflict:nothingAwaitsYou',
      'conflict:nothingAwaitsYou',
      'conflict:nothingAwaitsYou',
      'conflict:nothingAwaitsYou',
      G,
      NR,
    ),
  },
  {
    action: 'app/(portal)/requests/actions.ts#cancelRequestAction',
    label: 'withdraw a request of 교통국 drafted by staff@',
    input: (o) => ({ requestId: o.request }),
    fresh: 'request',
    watch: (o) => requestState(o.request),
    expect: row(
      S,
      'ok',
      'forbidden:onlyRequesterCancels',
      NR,
      NR,
      NR,
      'forbidden:onlyRequesterCancels',
      NR,
      NR,
    ),
  },
  {
    action: 'app/(portal)/resources/[id]/actions.ts#decommissionAction',
    label: '반납 of an active VM of 교통국',
    input: (o) => ({ resourceId: o.resource }),
    fresh: 'resource',
    watch: (o) => resourceState(o.resource),
    expect: row(
      S,
      'ok',
      'ok',
      'forbidden:onlyOwnerDecommissions',
      'forbidden:onlyOwnerDecommissions',
      'forbidden:onlyOwnerDecommissions',
      'ok',
      NF,
      NF,
    ),
  },
  {
    action: 'app/(portal)/resources/[id]/actions.ts#requestChangeAction',
    label: '변경 신청 (a larger disk) for an active VM of 교통국',
    input: (o) => ({
      resourceId: o.resource,
      kind: 'resize',
      change: { diskGb: 200 },
      purpose: '접근 권한 행렬 시험용 디스크 증설',
    }),
    fresh: 'resource',
    watch: (o) => resourceState(o.resource),
    expect: row(S, 'ok', 'ok', G, G, G, 'ok', NF, NF),
  },
  {
    action: 'app/(portal)/resources/[id]/actions.ts#extendLeaseAction',
    label: '사용 기간 연장 of an active VM of 교통국',
    input: (o) => ({ resourceId: o.resource, leaseUntil: addMonths(seoulDay(new Date()), 2) }),
    fresh: 'resource',
    watch: (o) => resourceState(o.resource),
    expect: row(
      S,
      'ok',
      'ok',
      'forbidden:onlyOwnerExtendsLease',
      'forbidden:onlyOwnerExtendsLease',
      'forbidden:onlyOwnerExtendsLease',
      'ok',
      NF,
      NF,
    ),
  },
];
