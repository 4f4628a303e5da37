import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';

/** 부서 — a department of the city; quotas apply per department. */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  /** the IT division (정보화담당관) reviews every request */
  isItDivision: boolean('is_it_division').notNull().default(false),
  quotaVcpu: integer('quota_vcpu').notNull().default(64),
  quotaRamGb: integer('quota_ram_gb').notNull().default(256),
  quotaStorageGb: integer('quota_storage_gb').notNull().default(4096),
  quotaMonthlyKrw: integer('quota_monthly_krw').notNull().default(10_000_000),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  departmentId: uuid('department_id')
    .notNull()
    .references(() => departments.id),
  /** scrypt hash (lib/auth/password.ts); null for SSO-only accounts */
  passwordHash: text('password_hash'),
  oidcSubject: text('oidc_subject').unique(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** 업무 시스템 — the unit the city counts ("78 systems"); owns resources. */
export const businessSystems = pgTable('business_systems', {
  id: uuid('id').primaryKey().defaultRandom(),
  departmentId: uuid('department_id')
    .notNull()
    .references(() => departments.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
