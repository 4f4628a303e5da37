import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { catalogItems, rateCards } from './catalog';
import {
  catalogKindEnum,
  drTierEnum,
  environmentEnum,
  requestStatusEnum,
  roleEnum,
  stepKindEnum,
  stepStatusEnum,
} from './enums';
import { businessSystems, departments, users } from './org';

/** 자원 요청 — a resource request; its estimate and approval line are frozen at submission. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    systemId: uuid('system_id')
      .notNull()
      .references(() => businessSystems.id),
    catalogItemId: text('catalog_item_id')
      .notNull()
      .references(() => catalogItems.id),
    kind: catalogKindEnum('kind').notNull(),
    spec: jsonb('spec').notNull(),
    environment: environmentEnum('environment').notNull(),
    purpose: text('purpose').notNull(),
    leaseUntil: date('lease_until'),
    drTier: drTierEnum('dr_tier').notNull().default('none'),
    status: requestStatusEnum('status').notNull(),
    estimateMonthlyKrw: integer('estimate_monthly_krw').notNull(),
    rateCardId: uuid('rate_card_id')
      .notNull()
      .references(() => rateCards.id),
    failureReason: text('failure_reason'),
    /** change requests (resize, scale-up): the resource they change */
    targetResourceId: uuid('target_resource_id'),
    /** the approval policy version the current line was computed from */
    policyVersion: integer('policy_version'),
    /** the current resubmission round (1 for the first submission) */
    round: integer('round').notNull().default(1),
    idempotencyKey: text('idempotency_key'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requests_idempotency')
      .on(t.requesterId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
  ],
);

/**
 * One step of the 결재선. An approver is a role in a department (the requester's, or a named division)
 * or a named person. Exactly one step (or one parallel group) is pending at a time.
 */
export const approvalSteps = pgTable('approval_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  requestId: uuid('request_id')
    .notNull()
    .references(() => requests.id, { onDelete: 'cascade' }),
  order: integer('order').notNull(),
  kind: stepKindEnum('kind').notNull(),
  approverRole: roleEnum('approver_role'),
  approverDepartmentId: uuid('approver_department_id').references(() => departments.id),
  approverUserId: uuid('approver_user_id').references(() => users.id),
  status: stepStatusEnum('status').notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  /** 대결: the approver the decider acted for, when a substitute decided */
  actingForUserId: uuid('acting_for_user_id').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  comment: text('comment'),
  pendingSince: timestamp('pending_since', { withTimezone: true }),
  /** resubmission round: a rejected request resubmitted gets a new line with round + 1; old rounds stay */
  round: integer('round').notNull().default(1),
  /** the policy rule that produced this step (for the timeline) */
  ruleName: text('rule_name'),
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  escalatedAt: timestamp('escalated_at', { withTimezone: true }),
});

/** Append-only: who did what, when, before/after, from where. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
});
