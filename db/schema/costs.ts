import {
  bigint,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { pools } from './catalog';
import { environmentEnum } from './enums';
import { businessSystems, users } from './org';

/**
 * Where a cost profile or a monthly allocation came from: `history`, recorded (the demo's 2016–2021, or
 * figures imported from the old monitoring), which nothing recomputes; `resources`, derived from the
 * portal's own resources by lib/costs/roll-up-allocations.ts, which recomputes only these.
 */
export type CostRecordSource = 'history' | 'resources';

/**
 * Cost-model assumptions (standalone build and shared pool), versioned. The set in force on a date is
 * the one with the latest effective_from ≤ date, the highest version among equals. `assumptions` is
 * validated by lib/costs/assumptions-schema.ts.
 */
export const costAssumptionSets = pgTable('cost_assumption_sets', {
  version: integer('version').primaryKey(),
  name: text('name').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  assumptions: jsonb('assumptions').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Capex put into a pool (amortised over the hardware lifetime) and the capacity it bought. */
export const poolInvestments = pgTable(
  'pool_investments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    poolId: text('pool_id')
      .notNull()
      .references(() => pools.id),
    investedOn: date('invested_on').notNull(),
    amountKrw: bigint('amount_krw', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    physicalCores: integer('physical_cores').notNull().default(0),
    ramGb: integer('ram_gb').notNull().default(0),
    storageGb: integer('storage_gb').notNull().default(0),
    platformSlots: integer('platform_slots').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pool_investments_pool_date').on(t.poolId, t.investedOn)],
);

/** When a business system moved onto the cloud, its pool, and the peak a standalone build is sized for. */
export const systemCostProfiles = pgTable('system_cost_profiles', {
  systemId: uuid('system_id')
    .primaryKey()
    .references(() => businessSystems.id, { onDelete: 'cascade' }),
  poolId: text('pool_id')
    .notNull()
    .references(() => pools.id),
  /** first day of the month the system moved onto the cloud (and would have been built alone) */
  movedOn: date('moved_on').notNull(),
  environment: environmentEnum('environment').notNull(),
  peakVcpu: integer('peak_vcpu').notNull(),
  peakRamGb: integer('peak_ram_gb').notNull(),
  peakStorageGb: integer('peak_storage_gb').notNull(),
  source: text('source').$type<CostRecordSource>().notNull().default('history'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a system had allocated in a month (month = its first day): the basis of showback by allocation. */
export const systemAllocationsMonthly = pgTable(
  'system_allocations_monthly',
  {
    systemId: uuid('system_id')
      .notNull()
      .references(() => businessSystems.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    vcpu: integer('vcpu').notNull(),
    ramGb: integer('ram_gb').notNull(),
    storageGb: integer('storage_gb').notNull(),
    platformSlots: integer('platform_slots').notNull().default(0),
    source: text('source').$type<CostRecordSource>().notNull().default('history'),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.month] })],
);

/** Monthly measured usage of a system (the metering rollup fills it): the basis of showback by usage. */
export const systemUsageMonthly = pgTable(
  'system_usage_monthly',
  {
    systemId: uuid('system_id')
      .notNull()
      .references(() => businessSystems.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    avgCpuPct: numeric('avg_cpu_pct', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    ramUsedGb: numeric('ram_used_gb', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    storageUsedGb: numeric('storage_used_gb', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.month] })],
);
