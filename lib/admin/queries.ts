import { and, asc, count, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { departments, userRoles, users } from '@/db/schema/org';
import { type Actor, roles as allRoles, type Role } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { parseInput } from './parse-input';

// Administration reads: every department and user, so only holders of admin:manage may call them.

export type ListDepartmentsOptions = { actor: Actor };

/** Every department with its quotas and how many (active) users belong to it, by Korean name. */
export async function listDepartments({ actor }: ListDepartmentsOptions) {
  requirePermission(actor, 'admin:manage');
  return getDb()
    .select({
      id: departments.id,
      code: departments.code,
      nameKo: departments.nameKo,
      nameEn: departments.nameEn,
      isItDivision: departments.isItDivision,
      quotaVcpu: departments.quotaVcpu,
      quotaRamGb: departments.quotaRamGb,
      quotaStorageGb: departments.quotaStorageGb,
      quotaMonthlyKrw: departments.quotaMonthlyKrw,
      userCount: count(users.id),
      activeUserCount: sql<number>`(count(${users.id}) filter (where ${users.active}))::int`,
    })
    .from(departments)
    .leftJoin(users, eq(users.departmentId, departments.id))
    .groupBy(departments.id)
    .orderBy(asc(departments.nameKo));
}
export type DepartmentRow = Awaited<ReturnType<typeof listDepartments>>[number];

/** A user's roles in the canonical order of lib/auth/actor.ts, as text[] (pg cannot parse enum arrays). */
const rolesColumn = sql<string[]>`coalesce(
  array_agg(${userRoles.role}::text order by ${userRoles.role}) filter (where ${userRoles.role} is not null),
  '{}'::text[])`;

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  departmentId: users.departmentId,
  departmentCode: departments.code,
  departmentNameKo: departments.nameKo,
  departmentNameEn: departments.nameEn,
  active: users.active,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  sso: sql<boolean>`${users.oidcSubject} is not null`,
  createdAt: users.createdAt,
  roles: rolesColumn,
};

function baseUsers() {
  return getDb()
    .select(userColumns)
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .groupBy(users.id, departments.id);
}

function toUser(row: Awaited<ReturnType<ReturnType<typeof baseUsers>['execute']>>[number]) {
  return { ...row, roles: allRoles.filter((role) => row.roles.includes(role)) as Role[] };
}
export type UserRow = ReturnType<typeof toUser>;

/** The query of the users list: department filter, free-text search, keyset paging by email. */
export const listUsersQuery = z.object({
  departmentId: z.uuid({ error: 'validation.choice' }).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** the email of the last user of the previous page */
  cursor: z.string().max(254).optional(),
});

export type ListUsersOptions = { actor: Actor } & z.input<typeof listUsersQuery>;

/** Users with their roles and department, by email, optionally of one department or matching `q`. */
export async function listUsers({ actor, ...query }: ListUsersOptions) {
  requirePermission(actor, 'admin:manage');
  const { departmentId, q, limit, cursor } = parseInput(listUsersQuery, query);
  const filters: (SQL | undefined)[] = [];
  if (departmentId) filters.push(eq(users.departmentId, departmentId));
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.email, pattern), ilike(users.name, pattern)));
  }
  if (cursor) filters.push(gt(users.email, cursor));
  const rows = await baseUsers()
    .where(and(...filters))
    .orderBy(asc(users.email))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toUser);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.email : null };
}

export type GetUserOptions = { actor: Actor; userId: string };

/** One user with roles and department, or null. */
export async function getUser({ actor, userId }: GetUserOptions): Promise<UserRow | null> {
  requirePermission(actor, 'admin:manage');
  if (!z.uuid().safeParse(userId).success) return null;
  const [row] = await baseUsers().where(eq(users.id, userId));
  return row ? toUser(row) : null;
}
