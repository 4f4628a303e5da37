import { z } from 'zod';
import { decisionInput } from '@/lib/approvals/decide-step';
import { savingsQuery } from '@/lib/costs/savings-query';
import { savingsView } from '@/lib/costs/savings-view';
import { extendLeaseInput } from '@/lib/lifecycle/extend-lease';
import { changeRequestInput } from '@/lib/lifecycle/request-change';
import { utilisationQuery } from '@/lib/metering/utilisation-input';
import { utilisationView } from '@/lib/metering/utilisation-view';
import { poolList } from '@/lib/pools/pool-view';
import { runwayView, showbackView } from '@/lib/reports/api';
import { closeMonthInput, monthlyReportList, monthlyReportView } from '@/lib/reports/report-figures';
import { runwayQuery } from '@/lib/reports/runway-filters';
import { showbackQuery } from '@/lib/reports/showback-filters';
import { listRequestsQuery } from '@/lib/requests/list-requests-query';
import { submitRequestInput } from '@/lib/requests/submit-request';
import { listResourcesQuery } from '@/lib/resources/list-resources-query';
import { issueTokenInput } from '@/lib/tokens/issue-token';
import {
  type ErrorStatus,
  errorStatuses,
  idParameter,
  inputSchema,
  json,
  operation,
  queryParameters,
  ref,
  unavailableResponse,
} from './openapi-operation';
import { apiComponents } from './openapi-schemas';

// The OpenAPI 3.1 document of API v1 (API.md), built from the same zod schemas the routes parse
// with, so the document cannot drift from what the server accepts. Served at /api/v1/openapi.json.

const signedIn: ErrorStatus[] = [401, 403];

function paths() {
  return {
    '/api/v1/tokens': {
      post: operation({
        summary: 'Issue a personal access token',
        tag: 'auth',
        description:
          'With `email` and `password` of a local (non-SSO) account, or with a browser session and no credentials. ' +
          'The token is shown once; only its hash is stored. Rate-limited. Wrong credentials answer 401 without saying which part was wrong.',
        body: issueTokenInput,
        ok: { 201: ['IssuedToken', 'The new token'] },
        errors: [400, 401, 429],
        // a password or a browser session, never a token alone (a leaked token must not mint a longer one)
        security: [{}],
      }),
    },
    '/api/v1/me': {
      get: operation({
        summary: 'The caller',
        tag: 'auth',
        ok: { 200: ['Me', 'The caller'] },
        errors: [401],
      }),
    },
    '/api/v1/catalog': {
      get: operation({
        summary: 'Catalogue items with their spec schema and current monthly price',
        tag: 'catalog',
        ok: { 200: ['Catalog', 'The catalogue'] },
        errors: signedIn,
      }),
    },
    '/api/v1/requests': {
      get: operation({
        summary: 'Requests the caller may see, newest first',
        tag: 'requests',
        parameters: queryParameters(listRequestsQuery),
        ok: { 200: ['RequestList', 'One page of requests'] },
        errors: [400, ...signedIn],
      }),
      post: operation({
        summary: 'Submit a resource request (기안)',
        tag: 'requests',
        description:
          "`spec` must be valid against the catalogue item's `specSchema`. Give either `systemId` or the " +
          '`systemName` of a new business system. The approval line (결재선) is built and frozen on submission.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'a retry with the same key answers the request made the first time (200) instead of a second one',
            schema: { type: 'string', maxLength: 200 },
          },
        ],
        body: submitRequestInput,
        ok: {
          201: ['SubmittedRequest', 'Submitted, with whether it fits the pool and the quota now'],
          200: ['SubmittedRequest', 'Already submitted with this Idempotency-Key'],
        },
        errors: [400, ...signedIn, 409, 422],
      }),
    },
    '/api/v1/requests/{id}': {
      get: operation({
        summary: 'One request with its approval line',
        tag: 'requests',
        parameters: [idParameter('request')],
        ok: { 200: ['Request', 'The request'] },
        errors: [...signedIn, 404],
      }),
    },
    '/api/v1/requests/{id}/decision': {
      post: operation({
        summary: 'Approve or reject the step that awaits the caller (결재 / 반려)',
        tag: 'requests',
        description: 'A rejection needs a `comment` (the reason). 409 when nothing awaits the caller.',
        parameters: [idParameter('request')],
        body: decisionInput,
        ok: { 200: ['Request', 'The request after the decision'] },
        errors: [400, ...signedIn, 404, 409],
      }),
    },
    '/api/v1/requests/{id}/cancel': {
      post: operation({
        summary: 'Withdraw a request before provisioning (the drafter only)',
        tag: 'requests',
        parameters: [idParameter('request')],
        ok: { 200: ['Request', 'The cancelled request'] },
        errors: [...signedIn, 404, 409],
      }),
    },
    '/api/v1/resources': {
      get: operation({
        summary: 'Resources the caller may see, newest first',
        tag: 'resources',
        parameters: queryParameters(listResourcesQuery),
        ok: { 200: ['ResourceList', 'One page of resources'] },
        errors: [400, ...signedIn],
      }),
    },
    '/api/v1/resources/{id}': {
      get: operation({
        summary: 'One resource with its event history',
        tag: 'resources',
        parameters: [idParameter('resource')],
        ok: { 200: ['ResourceDetail', 'The resource'] },
        errors: [...signedIn, 404],
      }),
    },
    '/api/v1/resources/{id}/decommission': {
      post: operation({
        summary: 'Hand a resource back (반납): the cloud deletes it in the background',
        tag: 'resources',
        description:
          'By whoever requested the resource, a department approver of its department, or an admin; others get 403 ' +
          '(404 when they cannot see it). Only an `active` or `failed` resource can be handed back; any other status ' +
          'answers 409 saying why. Answers at once with the resource in `decommissioning`; a job deletes it from the ' +
          'cloud, retried with backoff, and the resource becomes `decommissioned` (the requester is mailed), or ' +
          '`failed` with the reason in its history after the last retry.',
        parameters: [idParameter('resource')],
        ok: { 202: ['ResourceDetail', 'Accepted: the resource, now decommissioning'] },
        errors: [...signedIn, 404, 409],
      }),
    },
    '/api/v1/resources/{id}/changes': {
      get: operation({
        summary: 'The change requests of a resource (사양 변경, 일시 증설), newest first',
        tag: 'resources',
        parameters: [idParameter('resource')],
        ok: { 200: ['ResourceChangeList', 'Every change request of the resource'] },
        errors: [...signedIn, 404],
      }),
      post: operation({
        summary: 'Ask to change a resource (변경 신청): resize, or scale up for a window',
        tag: 'resources',
        description:
          'By whoever may hand the resource back (its requester, a department approver of its department, an admin); ' +
          'only an `active` resource (409 otherwise). `change` names the fields that change: a VM its `flavor` and ' +
          '`diskGb`, a platform slot its `instances`, `cpuPerInstance` and `memoryGbPerInstance`, a volume its ' +
          '`sizeGb`; disks only grow. A `scale_up` needs a `window` (ISO-8601 with offset, at most 90 days) and ' +
          'must cost more; a `resize` has none. The request travels the approval line priced by what it adds per ' +
          'month; capacity is reserved at final approval and a job applies it (a scale-up is reverted at the end of ' +
          'its window).',
        parameters: [idParameter('resource')],
        body: changeRequestInput,
        ok: { 201: ['SubmittedRequest', 'Submitted: the change request with its approval line and its fit'] },
        errors: [400, ...signedIn, 404, 409],
      }),
    },
    '/api/v1/resources/{id}/lease': {
      post: operation({
        summary: 'Extend a resource’s lease (사용 기간 연장)',
        tag: 'resources',
        description:
          'By whoever may hand the resource back. The new last day (YYYY-MM-DD, Asia/Seoul) must be after the ' +
          'current one and after today, and at most 12 months from today (400 otherwise, saying which). Lease ' +
          'warnings start over for the new end. A resource being or already handed back answers 409.',
        parameters: [idParameter('resource')],
        body: extendLeaseInput,
        ok: { 200: ['ResourceDetail', 'The resource with its new lease end'] },
        errors: [400, ...signedIn, 404, 409],
      }),
    },
    '/api/v1/pools': {
      get: operation({
        summary: 'Pools with their capacity, allocation and current use',
        tag: 'pools',
        description:
          'Capacity is physical cores × the overcommit ratio in vCPU, RAM and storage. `allocated` sums the footprint ' +
          'of the resources holding capacity (provisioning, active, decommissioning), in whole units. `used` is what the ' +
          'cloud reports now: vCPU = Σ allocated vCPU × CPU %, RAM and disk in use, one decimal; never above ' +
          '`allocated`. IT reviewers, planners and admins.',
        ok: { 200: [inputSchema(poolList), 'Every pool'] },
        errors: signedIn,
      }),
    },
    '/api/v1/dashboards/savings': {
      get: operation({
        summary: 'Savings of the shared cloud against standalone builds (절감액 / 절감률)',
        tag: 'dashboards',
        description:
          'Computed by the cost model (docs/cost-model.md) from the versioned assumptions, the pool investments and ' +
          'the systems’ monthly allocations, never typed in: savings % = 1 − Σ shared ÷ Σ standalone, per year and ' +
          'over the period. `assumptions` lists the inputs used. Planners, IT reviewers, senior approvers and admins.',
        parameters: queryParameters(savingsQuery),
        ok: { 200: [inputSchema(savingsView), 'The savings with their inputs'] },
        errors: [400, ...signedIn, 404, 422],
      }),
    },
    '/api/v1/dashboards/utilisation': {
      get: operation({
        summary: 'Capacity, allocated and used over time (자원 활용)',
        tag: 'dashboards',
        description:
          'Read from the metering rollups (hourly, daily or monthly by `granularity`), never from raw samples. ' +
          'Allocated and used are time-weighted averages over the metered part of each bucket; capacity is the pools in ' +
          'scope at the end of the bucket (recorded capacity less later investments). Monthly buckets before metering ' +
          'come from the systems’ monthly history (`sources`). Buckets are Seoul hours, days and months. A malformed ' +
          'date, an unknown pool, department or system, or a period longer than the granularity allows (hour ≤ 31 days, ' +
          'day ≤ 732 days) answers 400 naming the field. Planners, IT reviewers, senior approvers and admins.',
        parameters: queryParameters(utilisationQuery),
        ok: { 200: [inputSchema(utilisationView), 'The series'] },
        errors: [400, ...signedIn],
      }),
    },
    '/api/v1/dashboards/showback': {
      get: operation({
        summary: 'Showback per department, system and month, by allocation and by usage (쇼백)',
        tag: 'dashboards',
        description:
          'The shared cost of each system (allocated units × the pool’s unit rates, the shared cost of the savings) and ' +
          'the same charges split again by measured use; departments and months are sums of their systems. With ' +
          '`systemId`, the system’s live resources priced on the current rate card. Default: the 12 months up to the ' +
          'last month with recorded allocations. An unknown department or system, a period out of order, after this ' +
          'month or longer than 120 months answers 400. Planners, IT reviewers, senior approvers and admins.',
        parameters: queryParameters(showbackQuery),
        ok: { 200: [inputSchema(showbackView), 'Showback for the scope and period'] },
        errors: [400, ...signedIn],
      }),
    },
    '/api/v1/dashboards/runway': {
      get: operation({
        summary: 'Capacity runway: when each pool fills at the current growth (용량 전망)',
        tag: 'dashboards',
        description:
          'Per pool and dimension (vCPU, RAM, storage): the allocation of the last N months fitted linearly (least ' +
          'squares) and compoundly ((last ÷ first)^(1 ÷ (N − 1)) − 1), projected from the last month, and the first ' +
          'month each reaches the threshold share of the capacity (the investments in service, held constant), within ' +
          '120 months. `series` follows `method`. An unknown pool, a choice not offered or a month to come answers 400.',
        parameters: queryParameters(runwayQuery),
        ok: { 200: [inputSchema(runwayView), 'The runway with its assumptions'] },
        errors: [400, ...signedIn],
      }),
    },
    '/api/v1/reports': {
      get: operation({
        summary: 'Closed months (월간 보고서), newest first',
        tag: 'dashboards',
        ok: { 200: [inputSchema(monthlyReportList), 'The closed months with their showback totals'] },
        errors: signedIn,
      }),
      post: operation({
        summary: 'Close a month (월 마감): materialise its report once',
        tag: 'dashboards',
        description:
          'Computes and stores the month’s showback, savings and runway; a month already closed is left as it is ' +
          '(200 with the stored report). Only a month that is over (Asia/Seoul). The scheduled job closes the month ' +
          'before on the 1st at 01:00. Planners and admins.',
        body: closeMonthInput,
        ok: {
          201: [inputSchema(monthlyReportView), 'Closed now'],
          200: [inputSchema(monthlyReportView), 'Already closed; nothing changed'],
        },
        errors: [400, ...signedIn, 422],
      }),
    },
    '/api/v1/reports/{month}': {
      get: operation({
        summary: 'A closed month’s report, its figures as stored when it closed',
        tag: 'dashboards',
        parameters: [
          { name: 'month', in: 'path', required: true, description: 'YYYY-MM', schema: { type: 'string' } },
        ],
        ok: { 200: [inputSchema(monthlyReportView), 'The report'] },
        errors: [400, ...signedIn, 404],
      }),
    },
    '/api/v1/healthz': {
      get: operation({
        summary: 'Liveness of the web process, its database and its job queue',
        tag: 'operations',
        ok: { 200: ['Health', 'Healthy'], 503: ['Health', 'The database or the queue is unreachable'] },
        errors: [],
        security: [],
      }),
    },
    '/api/v1/readyz': {
      get: operation({
        summary:
          'Readiness: 200 when the instance takes traffic; 503 while migrations are pending, the database is unreachable or it is shutting down',
        tag: 'operations',
        ok: { 200: [{ type: 'object' }, 'Ready'], 503: [{ type: 'object' }, 'Not ready'] },
        errors: [],
        security: [],
      }),
    },
    '/api/v1/livez': {
      get: operation({
        summary: 'Liveness of the web process alone (no dependency checked)',
        tag: 'operations',
        ok: { 200: [{ type: 'object' }, 'Alive'] },
        errors: [],
        security: [],
        database: false,
      }),
    },
    '/api/v1/bench/noop': {
      get: operation({
        summary: 'A bare route handler for benchmarks (only with DCLOUD_BENCH=1; 404 otherwise)',
        tag: 'operations',
        ok: { 200: [{ type: 'object' }, 'Nothing'] },
        errors: [404],
        security: [],
        database: false,
      }),
      post: operation({
        summary: 'A bare route handler reading a JSON body, for benchmarks (only with DCLOUD_BENCH=1)',
        tag: 'operations',
        ok: { 200: [{ type: 'object' }, 'The body, echoed'] },
        errors: [404],
        security: [],
        database: false,
      }),
    },
    '/api/v1/openapi.json': {
      get: operation({
        summary: 'This document',
        tag: 'operations',
        ok: { 200: [{ type: 'object' }, 'The OpenAPI 3.1 document'] },
        errors: [],
        security: [],
        database: false,
      }),
    },
  };
}

function components() {
  const { schemas } = z.toJSONSchema(apiComponents, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const responses: Record<string, unknown> = {
    Internal: json(ref('Error'), 'Something went wrong on the server; the details stay in its log.'),
    Unavailable: unavailableResponse(),
  };
  for (const [name, description] of Object.values(errorStatuses))
    responses[name] = json(ref('Error'), description);
  return {
    schemas: Object.fromEntries(
      Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...schema }]) => [name, schema]),
    ),
    responses,
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A personal access token (`dcp_…`) from POST /api/v1/tokens, the settings page or `npm run cli -- token create`.',
      },
    },
  };
}

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document of API v1, built once per process. */
export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'D-Cloud Portal API',
      version: '1.0.0',
      description:
        'Self-service requests, approvals and resources of the city’s shared private cloud. JSON in and out; ' +
        'amounts are integer KRW; times are ISO-8601 with offset. Errors share one shape, with a message in the ' +
        "caller's language (the `dcloud-locale` cookie or Accept-Language; Korean by default). Lists take " +
        '`?limit=&cursor=` and answer `{ items, nextCursor }`. A browser session works too; its state changes must ' +
        'come from the portal’s own origin.',
    },
    tags: ['auth', 'catalog', 'requests', 'resources', 'pools', 'dashboards', 'operations'].map((name) => ({
      name,
    })),
    security: [{ bearerAuth: [] }],
    paths: paths(),
    components: components(),
  };
  return cached;
}
