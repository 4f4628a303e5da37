import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { departments, userRoles, users } from '@/db/schema/org';
import { demoUsers } from '@/db/seed/demo-data';
import { isDemoMode } from '@/lib/config/runtime';
import type { Role } from './actor';

export type DemoUser = {
  email: string;
  name: string;
  departmentName: string;
  departmentNameEn: string;
  roles: Role[];
};

/**
 * The demo accounts for the sign-in page's one-click list, in the seed's order (one per role
 * first). Empty outside demo mode, so production never lists anyone.
 */
export async function listDemoUsers(): Promise<DemoUser[]> {
  if (!isDemoMode()) return [];
  const emails = demoUsers.map((u) => u.email);
  const rows = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      departmentName: departments.nameKo,
      departmentNameEn: departments.nameEn,
      role: userRoles.role,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(inArray(users.email, emails))
    .orderBy(asc(users.email));
  const byEmail = new Map<string, DemoUser>();
  for (const row of rows) {
    const user = byEmail.get(row.email) ?? {
      email: row.email,
      name: row.name,
      departmentName: row.departmentName,
      departmentNameEn: row.departmentNameEn,
      roles: [],
    };
    if (row.role) user.roles.push(row.role as Role);
    byEmail.set(row.email, user);
  }
  return emails.flatMap((email) => byEmail.get(email) ?? []);
}
