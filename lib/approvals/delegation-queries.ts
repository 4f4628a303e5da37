import { desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { delegations } from '@/db/schema/approvals';
import { users } from '@/db/schema/org';
import type { Actor } from '@/lib/auth/actor';

const owner = alias(users, 'owner');
const substitute = alias(users, 'substitute');

/** Substitutions the actor named, and those naming the actor as substitute, newest first. */
export async function listDelegations(actor: Actor) {
  return getDb()
    .select({
      id: delegations.id,
      userId: delegations.userId,
      userName: owner.name,
      substituteId: delegations.substituteId,
      substituteName: substitute.name,
      substituteEmail: substitute.email,
      startsOn: delegations.startsOn,
      endsOn: delegations.endsOn,
      reason: delegations.reason,
      revokedAt: delegations.revokedAt,
      createdAt: delegations.createdAt,
    })
    .from(delegations)
    .innerJoin(owner, eq(owner.id, delegations.userId))
    .innerJoin(substitute, eq(substitute.id, delegations.substituteId))
    .where(or(eq(delegations.userId, actor.id), eq(delegations.substituteId, actor.id)))
    .orderBy(desc(delegations.createdAt));
}
