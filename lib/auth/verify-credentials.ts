import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema/org';
import { isDemoMode } from '@/lib/config/runtime';
import { DEMO_PASSWORD } from './demo';
import { verifyPassword } from './password';

/** Checks an email and password; returns the user id or null (never says which part was wrong). */
export async function verifyCredentials(options: {
  email: string;
  password: string;
}): Promise<string | null> {
  if (!isDemoMode() && options.password === DEMO_PASSWORD) return null;
  const [user] = await getDb()
    .select({ id: users.id, hash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, options.email.trim().toLowerCase()));
  const ok = await verifyPassword(options.password, user?.hash ?? null);
  return ok && user?.active ? user.id : null;
}
