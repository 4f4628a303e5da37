import { z } from 'zod';
import {
  catalogKindEnum,
  drTierEnum,
  environmentEnum,
  requestStatusEnum,
  resourceStatusEnum,
  roleEnum,
  stepKindEnum,
  stepStatusEnum,
} from '@/db/schema/enums';
import { errorStatus } from '@/lib/errors/app-error';

// The response shapes of API v1, as zod schemas for the OpenAPI document (lib/api/openapi.ts).
// lib/api/openapi.test.ts checks at the type level that the views the routes send fit them.

/** Every schema registered here becomes `#/components/schemas/<id>`. */
export const apiComponents = z.registry<{ id: string }>();

const uuid = z.uuid();
const dateTime = z.iso.datetime({ offset: true });
const krw = z.number().int().describe('integer KRW');

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus]),
      message: z.string().describe("in the caller's language (Korean unless English is asked for)"),
      details: z
        .object({
          fieldErrors: z
            .record(z.string(), z.array(z.string()))
            .describe("messages per field; nested fields are dotted, e.g. 'spec.diskGb'")
            .optional(),
        })
        .optional(),
    }),
  })
  .describe('The one error shape of every endpoint.')
  .register(apiComponents, { id: 'Error' });

export const me = z
  .object({
    id: uuid,
    email: z.email(),
    name: z.string(),
    roles: z.array(z.enum(roleEnum.enumValues)),
    departmentId: uuid,
  })
  .register(apiComponents, { id: 'Me' });

export const catalog = z
  .object({
    rateCard: z.object({ id: uuid, name: z.string() }),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(catalogKindEnum.enumValues),
        name: z.string(),
        description: z.string(),
        specSchema: z
          .record(z.string(), z.unknown())
          .describe("JSON Schema of the item's `spec`, with a default on every field that has one"),
        monthlyPriceKrw: krw.describe('monthly price of the default spec under the current rate card'),
      }),
    ),
  })
  .register(apiComponents, { id: 'Catalog' });

export const requestStep = z
  .object({
    id: uuid,
    order: z.number().int(),
    kind: z.enum(stepKindEnum.enumValues).describe('검토 review · 협조 consult · 결재 approve'),
    status: z.enum(stepStatusEnum.enumValues),
    approver: z.object({
      role: z.enum(roleEnum.enumValues).nullable(),
      departmentId: uuid.nullable(),
      departmentName: z.string().nullable(),
      userId: uuid.nullable(),
    }),
    decidedBy: z.object({ id: uuid, name: z.string() }).nullable(),
    decidedAt: dateTime.nullable(),
    pendingSince: dateTime.nullable(),
    comment: z.string().nullable(),
    awaitsMe: z.boolean().describe('the caller may decide this step now'),
  })
  .describe('One step of the approval line (결재선).')
  .register(apiComponents, { id: 'RequestStep' });

export const requestView = z
  .object({
    id: uuid,
    number: z.string().describe('REQ-000123'),
    status: z.enum(requestStatusEnum.enumValues),
    departmentId: uuid,
    departmentName: z.string(),
    requesterId: uuid,
    requesterName: z.string(),
    systemId: uuid,
    systemName: z.string(),
    catalogItemId: z.string(),
    catalogItemName: z.string(),
    catalogItemNameEn: z.string(),
    kind: z.enum(catalogKindEnum.enumValues),
    spec: z.record(z.string(), z.unknown()),
    environment: z.enum(environmentEnum.enumValues),
    purpose: z.string(),
    leaseUntil: z.iso.date().nullable(),
    drTier: z.enum(drTierEnum.enumValues),
    estimate: z.object({ monthlyKrw: krw }),
    failureReason: z.string().nullable(),
    submittedAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    steps: z.array(requestStep),
    resourceIds: z.array(uuid),
  })
  .describe('A resource request with its frozen approval line.')
  .register(apiComponents, { id: 'Request' });

export const requestList = z
  .object({ items: z.array(requestView), nextCursor: z.string().nullable() })
  .register(apiComponents, { id: 'RequestList' });

export const resourceView = z
  .object({
    id: uuid,
    kind: z.enum(catalogKindEnum.enumValues),
    name: z.string(),
    status: z.enum(resourceStatusEnum.enumValues),
    requestId: uuid,
    systemId: uuid,
    systemName: z.string(),
    departmentId: uuid,
    departmentName: z.string(),
    spec: z.record(z.string(), z.unknown()),
    provider: z.string(),
    providerRef: z.string().nullable().describe("the cloud's id of the server or slot"),
    providerState: z.string().nullable(),
    pool: z.string(),
    poolName: z.string(),
    departmentCode: z.string(),
    access: z
      .record(z.string(), z.string())
      .nullable()
      .describe(
        'how to reach it once active, as the cloud reports it: `{ address }` for a VM, `{ apiServer, namespace, group? }` for a platform slot',
      ),
    drState: z
      .object({
        replicaSite: z.string(),
        state: z.enum(['syncing', 'in_sync', 'lagging', 'broken']),
        lastSyncAt: dateTime.nullable(),
        lagSeconds: z.number().int().nullable(),
      })
      .nullable()
      .describe('replication to the DR site as last reported (DR tier `replicated`); null otherwise'),
    leaseUntil: z.iso.date().nullable().describe('the last day of use (Asia/Seoul); null: no end'),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .register(apiComponents, { id: 'Resource' });

export const resourceDetail = resourceView
  .extend({
    events: z.array(z.object({ at: dateTime, type: z.string(), detail: z.unknown() })),
  })
  .describe('A resource with its event history.')
  .register(apiComponents, { id: 'ResourceDetail' });

export const resourceChange = z
  .object({
    id: uuid,
    number: z.string().describe('REQ-000123'),
    kind: z.enum(['resize', 'scale_up']).describe('사양 변경 (permanent) or 일시 증설 (for a window)'),
    status: z.enum(requestStatusEnum.enumValues),
    change: z.record(z.string(), z.union([z.string(), z.number()])).describe('the spec fields it changes'),
    window: z.object({ from: dateTime, until: dateTime }).nullable().describe('a scale-up’s window'),
    monthlyDeltaKrw: krw.describe('what it adds per month (negative: saves)'),
    failureReason: z.string().nullable(),
    submittedAt: dateTime,
  })
  .describe('A change request of a resource.')
  .register(apiComponents, { id: 'ResourceChange' });

export const resourceChangeList = z
  .object({ items: z.array(resourceChange), nextCursor: z.null() })
  .register(apiComponents, { id: 'ResourceChangeList' });

export const fitView = z
  .object({
    fits: z.boolean().describe('it would be reserved if approved now (others may take the room first)'),
    shortfalls: z.array(
      z.object({
        scope: z.enum(['pool', 'quota']),
        of: z.string().describe('the pool id, or the department id'),
        name: z.string(),
        dimension: z.enum(['vcpu', 'ramGb', 'storageGb', 'monthlyKrw']),
        requested: z.number().int(),
        available: z.number().int(),
      }),
    ),
  })
  .describe(
    'Whether the request fits the pool and the department’s quota now, by the rule final approval applies.',
  )
  .register(apiComponents, { id: 'Fit' });

export const submittedRequest = requestView
  .extend({ fit: fitView.nullable().describe('null when it could not be checked') })
  .describe('A request as its submission answers it: the request with its fit.')
  .register(apiComponents, { id: 'SubmittedRequest' });

export const resourceList = z
  .object({ items: z.array(resourceView), nextCursor: z.string().nullable() })
  .register(apiComponents, { id: 'ResourceList' });

export const issuedToken = z
  .object({
    token: z.string().describe('shown once; only its hash is stored'),
    expiresAt: dateTime,
  })
  .register(apiComponents, { id: 'IssuedToken' });

export const health = z
  .object({ ok: z.boolean(), db: z.boolean(), queue: z.boolean() })
  .register(apiComponents, { id: 'Health' });
