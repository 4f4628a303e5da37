import { and, count, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { userRoles, users } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import { type Actor, roles as allRoles, type Role } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { assertDepartment, emailTaken, userFields } from './create-user';
import { isUniqueViolation, parseInput } from './parse-input';

/** Any subset of a user's fields; a new password replaces the old one. */
export const updateUserInput = z.object({
  email: userFields.email.optional(),
  name: userFields.name.optional(),
  departmentId: userFields.departmentId.optional(),
  roles: userFields.roles.optional(),
  active: z.boolean({ error: 'validation.choice' }).optional(),
  password: userFields.password.optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

export type UpdateUserOptions = { actor: Actor; userId: string; input: UpdateUserInput };

const userId = z.uuid();

/** Serialises every change that can take the admin role away, so two admins cannot demote each other at once. */
async function lockAdminSet(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dcloud:admin-set'))`);
}

async function otherActiveAdmins(tx: Tx, exceptUserId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.active, true), ne(users.id, exceptUserId)));
  return row?.n ?? 0;
}

/**
 * Changes a user's email, name, department, roles, active flag or password. Admins only. The portal
 * always keeps one active administrator: taking the admin role from the last one is refused (422).
 */
export async function updateUser({ actor, userId: id, input }: UpdateUserOptions) {
  requirePermission(actor, 'admin:manage');
  const values = parseInput(updateUserInput, input);
  if (!userId.safeParse(id).success) throw new AppError('not_found', { messageKey: 'userNotFound' });
  const passwordHash = values.password ? await hashPassword(values.password) : undefined;
  try {
    return await getDb().transaction(async (tx) => {
      await lockAdminSet(tx);
      const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!user) throw new AppError('not_found', { messageKey: 'userNotFound' });
      const held = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id));
      const currentRoles = allRoles.filter((role) => held.some((r) => r.role === role));
      const before = view(user, currentRoles);
      const after = {
        email: values.email ?? user.email,
        name: values.name ?? user.name,
        departmentId: values.departmentId ?? user.departmentId,
        roles: values.roles ?? before.roles,
        active: values.active ?? user.active,
      };

      // Phase 1: the rules — a known department, a free email, and never zero active admins
      if (after.departmentId !== user.departmentId) await assertDepartment(tx, after.departmentId);
      if (after.email !== user.email) {
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, after.email));
        if (taken) throw emailTaken();
      }
      const wasAdmin = before.active && before.roles.includes('admin');
      const staysAdmin = after.active && after.roles.includes('admin');
      if (wasAdmin && !staysAdmin && (await otherActiveAdmins(tx, id)) === 0) {
        const field = after.roles.includes('admin') ? 'active' : 'roles';
        throw new AppError('rule', {
          messageKey: 'lastAdmin',
          details: { fieldErrors: { [field]: ['errors.lastAdmin'] } },
        });
      }

      // Phase 2: the change and its audit row
      await tx
        .update(users)
        .set({
          email: after.email,
          name: after.name,
          departmentId: after.departmentId,
          active: after.active,
          ...(passwordHash ? { passwordHash } : {}),
        })
        .where(eq(users.id, id));
      if (values.roles) {
        await tx.delete(userRoles).where(eq(userRoles.userId, id));
        await tx.insert(userRoles).values(after.roles.map((role) => ({ userId: id, role })));
      }
      await writeAudit(tx, {
        actor,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function view(user: typeof users.$inferSelect, roles: Role[]) {
  return {
    email: user.email,
    name: user.name,
    departmentId: user.departmentId,
    roles,
    active: user.active,
  };
}
