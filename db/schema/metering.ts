import {
  bigint,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// The metering tables, for queries only. Created by the hand-written migration 0004_metering.sql
// (drizzle-kit cannot express PARTITION BY); NOT exported from db/schema/index.ts, so drizzle-kit
// never tries to create them again. Import this file directly where you query.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Raw samples, partitioned by Seoul month; one per resource and instant, standing for interval_s seconds. */
export const meteringSamples = pgTable(
  'metering_samples',
  {
    resourceId: uuid('resource_id').notNull(),
    sampledAt: tz('sampled_at').notNull(),
    intervalS: integer('interval_s').notNull(),
    poolId: text('pool_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    systemId: uuid('system_id').notNull(),
    vcpu: integer('vcpu').notNull(),
    ramGb: integer('ram_gb').notNull(),
    storageGb: integer('storage_gb').notNull(),
    cpuPct: real('cpu_pct').notNull(),
    ramUsedGb: real('ram_used_gb').notNull(),
    storageUsedGb: real('storage_used_gb').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sampledAt, t.resourceId] })],
);

/** Per resource and hour: sample count, sums and maxima (rightsizing reads it). */
export const meteringResourceHourly = pgTable(
  'metering_resource_hourly',
  {
    resourceId: uuid('resource_id').notNull(),
    bucket: tz('bucket').notNull(),
    poolId: text('pool_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    systemId: uuid('system_id').notNull(),
    samples: integer('samples').notNull(),
    seconds: bigint('seconds', { mode: 'number' }).notNull(),
    vcpuMax: integer('vcpu_max').notNull(),
    ramGbMax: integer('ram_gb_max').notNull(),
    storageGbMax: integer('storage_gb_max').notNull(),
    cpuPctSum: doublePrecision('cpu_pct_sum').notNull(),
    cpuPctMax: real('cpu_pct_max').notNull(),
    ramUsedGbSum: doublePrecision('ram_used_gb_sum').notNull(),
    ramUsedGbMax: real('ram_used_gb_max').notNull(),
    storageUsedGbSum: doublePrecision('storage_used_gb_sum').notNull(),
    storageUsedGbMax: real('storage_used_gb_max').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.resourceId] })],
);

const scopeColumns = {
  poolId: text('pool_id').notNull(),
  departmentId: uuid('department_id').notNull(),
  systemId: uuid('system_id').notNull(),
  samples: integer('samples').notNull(),
  firstAt: tz('first_at').notNull(),
  lastEnd: tz('last_end').notNull(),
  /** allocated vCPU × seconds; the others likewise (GB × seconds) */
  vcpuS: doublePrecision('vcpu_s').notNull(),
  vcpuUsedS: doublePrecision('vcpu_used_s').notNull(),
  ramGbS: doublePrecision('ram_gb_s').notNull(),
  ramUsedGbS: doublePrecision('ram_used_gb_s').notNull(),
  storageGbS: doublePrecision('storage_gb_s').notNull(),
  storageUsedGbS: doublePrecision('storage_used_gb_s').notNull(),
  cpuPctMax: real('cpu_pct_max').notNull(),
};

/** Per (pool, department, system) and hour. */
export const meteringScopeHourly = pgTable(
  'metering_scope_hourly',
  { bucket: tz('bucket').notNull(), ...scopeColumns },
  (t) => [primaryKey({ columns: [t.bucket, t.poolId, t.departmentId, t.systemId] })],
);

/** Per (pool, department, system) and Seoul day. */
export const meteringScopeDaily = pgTable(
  'metering_scope_daily',
  { bucket: date('bucket').notNull(), ...scopeColumns },
  (t) => [primaryKey({ columns: [t.bucket, t.poolId, t.departmentId, t.systemId] })],
);

/** Per (pool, department, system) and Seoul month (its first day). */
export const meteringScopeMonthly = pgTable(
  'metering_scope_monthly',
  { bucket: date('bucket').notNull(), ...scopeColumns },
  (t) => [primaryKey({ columns: [t.bucket, t.poolId, t.departmentId, t.systemId] })],
);

/** The load profile: per Seoul month, hour of day (0–23) and scope. */
export const meteringScopeHourOfDay = pgTable(
  'metering_scope_hour_of_day',
  {
    month: date('month').notNull(),
    hour: smallint('hour').notNull(),
    poolId: text('pool_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    systemId: uuid('system_id').notNull(),
    samples: integer('samples').notNull(),
    vcpuS: doublePrecision('vcpu_s').notNull(),
    vcpuUsedS: doublePrecision('vcpu_used_s').notNull(),
    ramGbS: doublePrecision('ram_gb_s').notNull(),
    ramUsedGbS: doublePrecision('ram_used_gb_s').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.hour, t.poolId, t.departmentId, t.systemId] })],
);

/** Per pool and hour, day and month: the scope rollups summed over departments and systems. */
export const meteringPoolHourly = pgTable(
  'metering_pool_hourly',
  { bucket: tz('bucket').notNull(), ...poolColumns() },
  (t) => [primaryKey({ columns: [t.bucket, t.poolId] })],
);
export const meteringPoolDaily = pgTable(
  'metering_pool_daily',
  { bucket: date('bucket').notNull(), ...poolColumns() },
  (t) => [primaryKey({ columns: [t.bucket, t.poolId] })],
);
export const meteringPoolMonthly = pgTable(
  'metering_pool_monthly',
  { bucket: date('bucket').notNull(), ...poolColumns() },
  (t) => [primaryKey({ columns: [t.bucket, t.poolId] })],
);

function poolColumns() {
  const { departmentId: _d, systemId: _s, ...rest } = scopeColumns;
  return rest;
}
