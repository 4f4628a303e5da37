import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { userRoles, users } from '@/db/schema/org';
import type { Actor, Role } from './actor';

/** Loads a user as an Actor, fresh from the database (roles can change between requests). */
export async function loadActor(
  by: { id: string } | { email: string },
  via: Actor['via'],
  ip?: string | null,
): Promise<Actor | null> {
  const db = getDb();
  const where = 'id' in by ? eq(users.id, by.id) : eq(users.email, by.email.toLowerCase());
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      departmentId: users.departmentId,
      active: users.active,
    })
    .from(users)
    .where(where);
  if (!user?.active) return null;
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    departmentId: user.departmentId,
    roles: rows.map((r) => r.role as Role),
    via,
    ip,
  };
}
