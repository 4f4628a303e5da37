import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { departments, userRoles, users } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import { type Actor, roles } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { isUniqueViolation, parseInput } from './parse-input';

/** Field schemas shared by create and update. */
export const userFields = {
  email: z.email({ error: 'validation.email' }).trim().toLowerCase().max(254, { error: 'validation.email' }),
  name: z
    .string({ error: 'validation.name' })
    .trim()
    .min(1, { error: 'validation.name' })
    .max(100, { error: 'validation.name' }),
  departmentId: z.uuid({ error: 'validation.choice' }),
  roles: z
    .array(z.enum(roles, { error: 'validation.choice' }), { error: 'validation.roles' })
    .min(1, { error: 'validation.roles' })
    .transform((list) => roles.filter((role) => list.includes(role))),
  /** ASVS 2.1.1–2.1.2: at least 12 characters, long passphrases allowed */
  password: z
    .string({ error: 'validation.password' })
    .min(12, { error: 'validation.password' })
    .max(128, { error: 'validation.password' }),
};

export const createUserInput = z.object({
  email: userFields.email,
  name: userFields.name,
  departmentId: userFields.departmentId,
  roles: userFields.roles,
  /** a local password; leave out for accounts that sign in through SSO only */
  password: userFields.password.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export type CreateUserOptions = { actor: Actor; input: CreateUserInput };

export const emailTaken = () =>
  new AppError('conflict', {
    messageKey: 'emailTaken',
    details: { fieldErrors: { email: ['errors.emailTaken'] } },
  });

/** The department must exist; a bad id is the user's input error, reported beside the field. */
export async function assertDepartment(tx: Tx, departmentId: string): Promise<void> {
  const [dept] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!dept) {
    throw new AppError('bad_request', {
      messageKey: 'departmentNotFound',
      details: { fieldErrors: { departmentId: ['errors.departmentNotFound'] } },
    });
  }
}

/** Adds a user with roles in a department, optionally with a local password. Admins only. */
export async function createUser({ actor, input }: CreateUserOptions) {
  requirePermission(actor, 'admin:manage');
  const values = parseInput(createUserInput, input);
  const passwordHash = values.password ? await hashPassword(values.password) : null;
  try {
    return await getDb().transaction(async (tx) => {
      await assertDepartment(tx, values.departmentId);
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, values.email));
      if (taken) throw emailTaken();
      const [row] = await tx
        .insert(users)
        .values({ email: values.email, name: values.name, departmentId: values.departmentId, passwordHash })
        .returning({ id: users.id });
      const id = row!.id;
      await tx.insert(userRoles).values(values.roles.map((role) => ({ userId: id, role })));
      await writeAudit(tx, {
        actor,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        after: {
          email: values.email,
          name: values.name,
          departmentId: values.departmentId,
          roles: values.roles,
          active: true,
          hasPassword: passwordHash !== null,
        },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
