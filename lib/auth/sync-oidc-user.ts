import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { departments, userRoles, users } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import { roles as allRoles, type Role } from './actor';

function claim(profile: Record<string, unknown>, name: string): unknown {
  return name
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as never)[key] : undefined), profile);
}

/**
 * Maps an OIDC profile to a portal user: department from AUTH_OIDC_DEPARTMENT_CLAIM (a department
 * code), roles from AUTH_OIDC_ROLES_CLAIM (names as in the portal, optionally mapped by
 * AUTH_OIDC_ROLE_MAP="idp-group=role,..."). Creates or updates the user; returns its id, or null
 * when the claims name no known department or the portal account is deactivated.
 */
export async function syncOidcUser(profile: Record<string, unknown>): Promise<string | null> {
  const email = String(profile.email ?? '').toLowerCase();
  const subject = String(profile.sub ?? '');
  if (!email || !subject) return null;
  const deptCode = String(claim(profile, process.env.AUTH_OIDC_DEPARTMENT_CLAIM ?? 'department') ?? '');
  const rawRoles = claim(profile, process.env.AUTH_OIDC_ROLES_CLAIM ?? 'roles');
  const map = new Map(
    (process.env.AUTH_OIDC_ROLE_MAP ?? '')
      .split(',')
      .map((pair) => pair.split('=').map((s) => s.trim()) as [string, string])
      .filter(([from, to]) => from && to),
  );
  const wanted = (Array.isArray(rawRoles) ? rawRoles : [rawRoles])
    .map((r) => map.get(String(r)) ?? String(r))
    .filter((r): r is Role => (allRoles as readonly string[]).includes(r));
  // once each: a group mapped to a role the claim also names directly would break the insert below
  const granted: Role[] = wanted.length ? [...new Set(wanted)] : ['requester'];

  return getDb().transaction(async (tx) => {
    const [dept] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.code, deptCode));
    if (!dept) return null;
    const name = String(profile.name ?? email);
    const [existing] = await tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(eq(users.email, email));
    // a deactivated account stays out, and keeps the roles an administrator left it with
    if (existing && !existing.active) return null;
    const id = existing
      ? existing.id
      : (
          await tx
            .insert(users)
            .values({ email, name, departmentId: dept.id, oidcSubject: subject })
            .returning()
        )[0]!.id;
    await tx.update(users).set({ name, departmentId: dept.id, oidcSubject: subject }).where(eq(users.id, id));
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    await tx.insert(userRoles).values(granted.map((role) => ({ userId: id, role })));
    await writeAudit(tx, {
      actor: null,
      action: 'user.synced_from_sso',
      entityType: 'user',
      entityId: id,
      after: { department: deptCode, roles: granted },
    });
    return id;
  });
}
