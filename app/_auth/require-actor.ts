import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { auth } from '@/lib/auth/next-auth';
import { can, type Permission } from '@/lib/auth/permissions';

/** The signed-in user, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const userId = (session as { userId?: string } | null)?.userId;
  if (!userId) return null;
  const h = await headers();
  return loadActor({ id: userId }, 'session', h.get('x-forwarded-for')?.split(',')[0] ?? null);
}

/**
 * For every page and server action: the signed-in user holding `permission`. Not signed in →
 * the sign-in page; signed in without the permission → 404 (deny by default, reveal nothing).
 */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (permission && !can(actor, permission)) notFound();
  return actor;
}
