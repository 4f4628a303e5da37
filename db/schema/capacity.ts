import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { pools } from './catalog';
import { reservationPurposeEnum, reservationStatusEnum } from './enums';
import { departments } from './org';
import { requests } from './requests';
import { resources } from './resources';

/**
 * What an approved request holds of a pool and of its department's quota. Made at final approval in
 * the approval's transaction, under row locks on the pool and the department, so concurrent approvals
 * never overbook; released when the resource fails, is decommissioned, or a scale-up window ends.
 * A pool's allocation is the sum of its held rows.
 */
export const capacityReservations = pgTable(
  'capacity_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    /** the resource the reservation is for, once it exists (a change request reserves for its target) */
    resourceId: uuid('resource_id').references(() => resources.id),
    poolId: text('pool_id')
      .notNull()
      .references(() => pools.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** primary: the resource itself; dr: its standby at the DR site; change: the extra a resize or scale-up takes */
    purpose: reservationPurposeEnum('purpose').notNull(),
    vcpu: integer('vcpu').notNull(),
    ramGb: integer('ram_gb').notNull(),
    storageGb: integer('storage_gb').notNull(),
    /** counted against the department's monthly budget (KRW; the DR row carries its surcharge) */
    monthlyKrw: integer('monthly_krw').notNull(),
    status: reservationStatusEnum('status').notNull().default('held'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releaseReason: text('release_reason'),
  },
  (t) => [
    uniqueIndex('capacity_reservations_once').on(t.requestId, t.purpose),
    index('capacity_reservations_held_pool').on(t.poolId).where(sql`status = 'held'`),
    index('capacity_reservations_held_department').on(t.departmentId).where(sql`status = 'held'`),
  ],
);

/** Drift the reconciler found between the portal's resources and a cloud. */
export const driftFindings = pgTable(
  'drift_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    poolId: text('pool_id')
      .notNull()
      .references(() => pools.id),
    provider: text('provider').notNull(),
    /** orphan: in the cloud, unknown to the portal · missing: the portal's resource is gone from the cloud */
    kind: text('kind').$type<'orphan' | 'missing'>().notNull(),
    providerRef: text('provider_ref').notNull(),
    name: text('name').notNull(),
    resourceId: uuid('resource_id').references(() => resources.id),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('drift_findings_open').on(t.provider, t.providerRef, t.kind).where(sql`resolved_at is null`),
  ],
);
