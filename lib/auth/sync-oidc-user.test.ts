import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { departments, users } from '@/db/schema/org';
import { auditLog } from '@/db/schema/requests';
import { retireStrayApprovers } from '@/db/testing/fixtures';
import { loadActor } from './load-actor';
import { syncOidcUser } from './sync-oidc-user';

async function departmentId(code: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.code, code));
  return row!.id;
}

/** An ID token's claims as next-auth hands them over, for a user no other test uses. */
function profile(claims: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = randomUUID().slice(0, 8);
  return { sub: `sub-${tag}`, email: `sso-${tag}@city.example`, name: '통합 사용자', ...claims };
}

async function syncAudits(userId: string) {
  return getDb()
    .select({ actorId: auditLog.actorId, entityType: auditLog.entityType, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'user.synced_from_sso')))
    .orderBy(asc(auditLog.id));
}

afterEach(() => {
  vi.unstubAllEnvs();
});
// the approvers signed in here (교통국 heads, an IT admin) must not sign in the files after this one
afterAll(retireStrayApprovers);

describe('signing in through OIDC', () => {
  it('creates the user from the claims: name, department by code, roles, subject, and one audit row', async () => {
    const claims = profile({ name: '한결재', department: 'TRAFFIC', roles: ['dept_approver'] });
    const id = await syncOidcUser(claims);

    expect(id).toEqual(expect.any(String));
    const actor = await loadActor({ id: id! }, 'session');
    expect(actor).toMatchObject({
      email: claims.email,
      name: '한결재',
      departmentId: await departmentId('TRAFFIC'),
      roles: ['dept_approver'],
    });
    const [row] = await getDb().select({ subject: users.oidcSubject }).from(users).where(eq(users.id, id!));
    expect(row!.subject).toBe(claims.sub);
    expect(await syncAudits(id!)).toEqual([
      { actorId: null, entityType: 'user', after: { department: 'TRAFFIC', roles: ['dept_approver'] } },
    ]);
  });

  it('makes a user without a roles claim, or with only roles the portal does not know, a requester', async () => {
    const none = await syncOidcUser(profile({ department: 'WELFARE' }));
    const unknown = await syncOidcUser(profile({ department: 'WELFARE', roles: ['superuser', 'Admin'] }));
    expect((await loadActor({ id: none! }, 'session'))!.roles).toEqual(['requester']);
    expect((await loadActor({ id: unknown! }, 'session'))!.roles).toEqual(['requester']);
  });

  it('maps IdP groups to roles with AUTH_OIDC_ROLE_MAP and reads claims from the configured paths', async () => {
    vi.stubEnv('AUTH_OIDC_ROLE_MAP', ' cloud-admins = admin , dept-heads=dept_approver,,broken');
    vi.stubEnv('AUTH_OIDC_ROLES_CLAIM', 'realm_access.roles');
    vi.stubEnv('AUTH_OIDC_DEPARTMENT_CLAIM', 'org.dept');
    const id = await syncOidcUser(
      profile({
        org: { dept: 'IT' },
        realm_access: { roles: ['dept-heads', 'cloud-admins', 'offline_access', 'planner', 'admin'] },
      }),
    );
    const actor = await loadActor({ id: id! }, 'session');
    expect(actor!.departmentId).toBe(await departmentId('IT'));
    expect(actor!.roles.toSorted()).toEqual(['admin', 'dept_approver', 'planner']);
  });

  it('refuses a department code the portal does not know, and claims without email or subject, creating nobody', async () => {
    const [before] = await getDb().select({ n: count() }).from(users);
    const stranger = profile({ department: 'NO_SUCH_DEPT', roles: ['requester'] });
    expect(await syncOidcUser(stranger)).toBeNull();
    expect(await syncOidcUser(profile({ roles: ['requester'] }))).toBeNull(); // no department claim at all
    expect(await syncOidcUser(profile({ email: '', department: 'TRAFFIC' }))).toBeNull();
    expect(await syncOidcUser(profile({ sub: undefined, department: 'TRAFFIC' }))).toBeNull();
    const [after] = await getDb().select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
    expect(await loadActor({ email: String(stranger.email) }, 'session')).toBeNull();
  });

  it('replaces name, department and roles with the claims of the next sign-in, auditing each sign-in', async () => {
    const first = profile({ name: '이동원', department: 'WELFARE', roles: ['requester', 'dept_approver'] });
    const id = await syncOidcUser(first);

    const again = await syncOidcUser({
      ...first,
      email: String(first.email).toUpperCase(),
      name: '이동원 과장',
      department: 'ENV',
      roles: ['planner'],
    });

    expect(again).toBe(id);
    const actor = await loadActor({ id: id! }, 'session');
    expect(actor).toMatchObject({
      name: '이동원 과장',
      departmentId: await departmentId('ENV'),
      roles: ['planner'],
    });
    expect((await syncAudits(id!)).map((a) => a.after)).toEqual([
      { department: 'WELFARE', roles: ['requester', 'dept_approver'] },
      { department: 'ENV', roles: ['planner'] },
    ]);
  });

  it('keeps a deactivated account out and leaves its roles as they are', async () => {
    const claims = profile({ department: 'TRAFFIC', roles: ['dept_approver'] });
    const id = await syncOidcUser(claims);
    await getDb().update(users).set({ active: false }).where(eq(users.id, id!));

    expect(await syncOidcUser({ ...claims, roles: ['admin'] })).toBeNull();
    await getDb().update(users).set({ active: true }).where(eq(users.id, id!));
    expect((await loadActor({ id: id! }, 'session'))!.roles).toEqual(['dept_approver']);
    expect(await syncAudits(id!)).toHaveLength(1);
  });
});
