import { type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { Actor, Role } from './actor';

type ActorRow = { id: string; email: string; name: string; department_id: string; roles: Role[] };

/** The columns an Actor is made of, for a query over `users u` (its roles aggregated in the same statement). */
export const actorColumns = sql`u.id, u.email, u.name, u.department_id,
  coalesce((select array_agg(r.role::text order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles`;

/** Runs a query selecting `actorColumns` and makes its row an Actor (null: no row). */
export async function queryActor(query: SQL, via: Actor['via'], ip?: string | null): Promise<Actor | null> {
  const user = (await getDb().execute<ActorRow>(query)).rows[0];
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    departmentId: user.department_id,
    roles: user.roles,
    via,
    ip,
  };
}

/** Loads an active user as an Actor, fresh from the database in one statement (roles can change between requests). */
export async function loadActor(
  by: { id: string } | { email: string },
  via: Actor['via'],
  ip?: string | null,
): Promise<Actor | null> {
  const match = 'id' in by ? sql`u.id = ${by.id}` : sql`u.email = ${by.email.toLowerCase()}`;
  return queryActor(sql`select ${actorColumns} from users u where u.active and ${match}`, via, ip);
}
