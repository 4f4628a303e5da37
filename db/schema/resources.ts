import { bigserial, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { pools } from './catalog';
import { catalogKindEnum, resourceStatusEnum } from './enums';
import { businessSystems, departments } from './org';
import { requests } from './requests';

/** A provisioned VM, platform slot or volume, owned by a business system. */
export const resources = pgTable('resources', {
  id: uuid('id').primaryKey().defaultRandom(),
  requestId: uuid('request_id')
    .notNull()
    .unique()
    .references(() => requests.id),
  departmentId: uuid('department_id')
    .notNull()
    .references(() => departments.id),
  systemId: uuid('system_id')
    .notNull()
    .references(() => businessSystems.id),
  kind: catalogKindEnum('kind').notNull(),
  name: text('name').notNull(),
  status: resourceStatusEnum('status').notNull(),
  spec: jsonb('spec').notNull(),
  poolId: text('pool_id')
    .notNull()
    .references(() => pools.id),
  provider: text('provider').notNull(),
  providerRef: text('provider_ref'),
  /** provider-side progress ("building", "networking"...), for the live view */
  providerState: text('provider_state'),
  /** how to reach it once active, as the provider reports it (address, API server and namespace...) */
  access: jsonb('access').$type<Record<string, string>>(),
  /** the DR pool its standby is reserved in (DR tier replicated) */
  drPoolId: text('dr_pool_id').references(() => pools.id),
  /** replication state as the provider last reported it */
  drState: jsonb('dr_state'),
  /** the lease end (from the request); warnings go out 14 and 3 days ahead, then it is reclaimed after a grace period */
  leaseUntil: date('lease_until'),
  /** the smallest number of days-ahead a lease warning was sent for (14, then 3, then 0 for the reclaim notice) */
  leaseNoticeDays: integer('lease_notice_days'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Event history shown on the resource page. */
export const resourceEvents = pgTable('resource_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  resourceId: uuid('resource_id')
    .notNull()
    .references(() => resources.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  type: text('type').notNull(),
  detail: jsonb('detail'),
});

/**
 * The built-in cloud simulator's servers. Kept in PostgreSQL, not in process memory, so that
 * any worker sees the same cloud and a retry finds what a crashed attempt created.
 */
export const simServers = pgTable('sim_servers', {
  id: uuid('id').primaryKey().defaultRandom(),
  poolId: text('pool_id').notNull(),
  name: text('name').notNull(),
  /** the portal's idempotency key (request id): one server per key */
  idempotencyKey: text('idempotency_key').notNull().unique(),
  spec: jsonb('spec').notNull(),
  /** the simulated host it was placed on */
  host: text('host'),
  readyAt: timestamp('ready_at', { withTimezone: true }).notNull(),
  failed: text('failed'),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
