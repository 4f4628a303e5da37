import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';
import { approvalSteps } from './requests';

/**
 * Versioned approval policies (결재 규정). Saving makes a new version; the highest version is in
 * force. `rules` and `settings` are validated by lib/approvals/policy-schema.ts before they are stored.
 */
export const approvalPolicies = pgTable('approval_policies', {
  version: integer('version').primaryKey(),
  name: text('name').notNull(),
  rules: jsonb('rules').notNull(),
  settings: jsonb('settings').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 대결: an approver names a substitute who may decide for them over a date range (Asia/Seoul dates). */
export const delegations = pgTable('delegations', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  substituteId: uuid('substitute_id')
    .notNull()
    .references(() => users.id),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  reason: text('reason').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * Email approval links. The token itself is never stored, only its SHA-256 hash. Bound to one step and
 * one user; single use; expiring; void once the step is decided another way.
 */
export const approvalTokens = pgTable('approval_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  stepId: uuid('step_id')
    .notNull()
    .references(() => approvalSteps.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The transactional outbox: a mail is written here in the same transaction as the state change that
 * causes it, and sent by the `mail.send` job. `dedupeKey` keeps one mail per cause.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name').notNull().default(''),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    requestId: uuid('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** 'smtp' or 'devbox' (the dev mailbox of the embedded mode) */
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('mail_outbox_dedupe').on(t.dedupeKey)],
);
