import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { businessSystems } from '@/db/schema/org';
import type { Actor } from '@/lib/auth/actor';

export type ListSystemsOptions = { actor: Actor };

/** 업무 시스템 of the actor's own department (what a request form offers), by name. */
export async function listSystems({ actor }: ListSystemsOptions) {
  return getDb()
    .select({ id: businessSystems.id, code: businessSystems.code, name: businessSystems.name })
    .from(businessSystems)
    .where(eq(businessSystems.departmentId, actor.departmentId))
    .orderBy(asc(businessSystems.name));
}
export type SystemOption = Awaited<ReturnType<typeof listSystems>>[number];
