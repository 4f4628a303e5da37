import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { departments, userRoles, users } from '@/db/schema/org';
import { type Actor, roles } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';

/** The roles that may decide approval steps, from the permission table itself. */
const decidingRoles = roles.filter((role) => can({ roles: [role] } as Actor, 'requests:decide'));

/**
 * Who the actor may name as 대결자 (substitute): active users holding a role that decides steps,
 * other than the actor, by department then name.
 */
export async function listSubstituteCandidates(actor: Actor) {
  const rows = await getDb()
    .selectDistinct({
      id: users.id,
      name: users.name,
      email: users.email,
      departmentNameKo: departments.nameKo,
      departmentNameEn: departments.nameEn,
    })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.active, true), ne(users.id, actor.id), inArray(userRoles.role, decidingRoles)))
    .orderBy(asc(departments.nameKo), asc(users.name), asc(users.id));
  return rows;
}
export type SubstituteCandidate = Awaited<ReturnType<typeof listSubstituteCandidates>>[number];
