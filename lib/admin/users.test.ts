import { and, count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { departments, userRoles, users } from '@/db/schema/org';
import { auditLog } from '@/db/schema/requests';
import { retireStrayApprovers } from '@/db/testing/fixtures';
import { loadActor } from '@/lib/auth/load-actor';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { createUser } from './create-user';
import { getUser, listUsers } from './queries';
import { appErrorOf, demoActor, fieldErrorsOf, uniqueEmail } from './test-helpers';
import { updateUser } from './update-user';

// the approvers made here (a second 교통국 head, an IT planner) must not sign in the files after this one
afterAll(retireStrayApprovers);

async function departmentId(code: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.code, code));
  return row!.id;
}

async function userCount(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(users);
  return row!.n;
}

async function activeAdminEmails(): Promise<string[]> {
  const rows = await getDb()
    .select({ email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.active, true)));
  return rows.map((r) => r.email);
}

describe('creating a user', () => {
  it('lets an admin create a user who can then sign in and be loaded with the given roles', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const traffic = await departmentId('TRAFFIC');
    const email = uniqueEmail('new-approver');

    const { id } = await createUser({
      actor: admin,
      input: {
        email: email.toUpperCase(),
        name: '  신규 결재권자 ',
        departmentId: traffic,
        roles: ['dept_approver', 'requester'],
        password: 'correct horse battery',
      },
    });

    const loaded = await loadActor({ email }, 'session');
    expect(loaded).toMatchObject({ id, email, name: '신규 결재권자', departmentId: traffic });
    expect(loaded!.roles).toEqual(['requester', 'dept_approver']);
    expect(await verifyCredentials({ email, password: 'correct horse battery' })).toBe(id);
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.created')));
    expect(audit).toMatchObject({ actorId: admin.id, entityType: 'user' });
    expect(audit!.after).toMatchObject({ email, roles: ['requester', 'dept_approver'], hasPassword: true });
  });

  it('creates an SSO-only account without a password', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const email = uniqueEmail('sso');
    const { id } = await createUser({
      actor: admin,
      input: { email, name: 'SSO 사용자', departmentId: await departmentId('WELFARE'), roles: ['requester'] },
    });
    expect(await getUser({ actor: admin, userId: id })).toMatchObject({ hasPassword: false, active: true });
  });

  it('refuses a non-admin with 403 and changes nothing', async () => {
    for (const email of ['staff@dcloud.example', 'it@dcloud.example', 'planner@dcloud.example']) {
      const actor = await demoActor(email);
      const before = await userCount();
      const newEmail = uniqueEmail('by-non-admin');
      const error = await appErrorOf(
        createUser({
          actor,
          input: { email: newEmail, name: '몰래', departmentId: actor.departmentId, roles: ['admin'] },
        }),
      );
      expect(error.status).toBe(403);
      expect(await userCount()).toBe(before);
      expect(await loadActor({ email: newEmail }, 'session')).toBeNull();
    }
  });

  it('answers 409 for an email already in use, whatever its case, and changes nothing', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const before = await userCount();
    const error = await appErrorOf(
      createUser({
        actor: admin,
        input: {
          email: 'Staff@DCloud.example',
          name: '중복',
          departmentId: await departmentId('IT'),
          roles: ['admin'],
        },
      }),
    );
    expect(error.status).toBe(409);
    expect(error.messageKey).toBe('emailTaken');
    expect(fieldErrorsOf(error)).toEqual({ email: ['errors.emailTaken'] });
    expect(await userCount()).toBe(before);
    const staff = await loadActor({ email: 'staff@dcloud.example' }, 'session');
    expect(staff).toMatchObject({ name: '김민수', roles: ['requester'] });
  });

  it('answers 400 with a field error per bad field and creates nothing', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const before = await userCount();
    const error = await appErrorOf(
      createUser({
        actor: admin,
        input: {
          email: 'not-an-email',
          name: '   ',
          departmentId: 'IT',
          roles: ['root' as never],
          password: 'short',
        },
      }),
    );
    expect(error.status).toBe(400);
    const fields = fieldErrorsOf(error);
    expect(fields.email).toEqual(['validation.email']);
    expect(fields.name).toEqual(['validation.name']);
    expect(fields.departmentId).toEqual(['validation.choice']);
    expect(fields['roles.0']).toEqual(['validation.choice']);
    expect(fields.password).toEqual(['validation.password']);
    expect(await userCount()).toBe(before);
  });

  it('requires at least one role', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const error = await appErrorOf(
      createUser({
        actor: admin,
        input: {
          email: uniqueEmail('no-role'),
          name: '역할 없음',
          departmentId: admin.departmentId,
          roles: [],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(fieldErrorsOf(error)).toEqual({ roles: ['validation.roles'] });
  });

  it('reports an unknown department beside its field', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const error = await appErrorOf(
      createUser({
        actor: admin,
        input: {
          email: uniqueEmail('nowhere'),
          name: '어디에도',
          departmentId: '00000000-0000-4000-8000-000000000000',
          roles: ['requester'],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(fieldErrorsOf(error)).toEqual({ departmentId: ['errors.departmentNotFound'] });
  });
});

describe('updating a user', () => {
  it('changes name, department, roles and active flag, and audits before and after', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const email = uniqueEmail('mover');
    const { id } = await createUser({
      actor: admin,
      input: { email, name: '이동 전', departmentId: await departmentId('TRAFFIC'), roles: ['requester'] },
    });
    const welfare = await departmentId('WELFARE');

    await updateUser({
      actor: admin,
      userId: id,
      input: { name: '이동 후', departmentId: welfare, roles: ['dept_approver'] },
    });
    expect(await loadActor({ id }, 'session')).toMatchObject({
      name: '이동 후',
      departmentId: welfare,
      roles: ['dept_approver'],
    });

    await updateUser({ actor: admin, userId: id, input: { active: false } });
    expect(await loadActor({ id }, 'session')).toBeNull();
    const audits = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.updated')));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.before).toMatchObject({ name: '이동 전', roles: ['requester'] });
    expect(audits[0]!.after).toMatchObject({
      name: '이동 후',
      roles: ['dept_approver'],
      departmentId: welfare,
    });
  });

  it('refuses a non-admin with 403 and changes nothing', async () => {
    const head = await demoActor('head@dcloud.example');
    const staff = await demoActor('staff@dcloud.example');
    const error = await appErrorOf(
      updateUser({ actor: head, userId: staff.id, input: { roles: ['admin'] } }),
    );
    expect(error.status).toBe(403);
    expect((await loadActor({ id: staff.id }, 'session'))!.roles).toEqual(['requester']);
  });

  it('answers 409 when the new email belongs to someone else, and changes nothing', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const email = uniqueEmail('renamed');
    const { id } = await createUser({
      actor: admin,
      input: { email, name: '이메일 변경', departmentId: admin.departmentId, roles: ['requester'] },
    });
    const error = await appErrorOf(
      updateUser({ actor: admin, userId: id, input: { email: 'head@dcloud.example', name: '바뀌면 안 됨' } }),
    );
    expect(error.status).toBe(409);
    expect(error.messageKey).toBe('emailTaken');
    expect(await getUser({ actor: admin, userId: id })).toMatchObject({ email, name: '이메일 변경' });
  });

  it('answers 404 for an unknown user', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const error = await appErrorOf(
      updateUser({ actor: admin, userId: '00000000-0000-4000-8000-000000000000', input: { name: '없음' } }),
    );
    expect(error.status).toBe(404);
  });

  it('never takes the admin role from the last active admin', async () => {
    const admin = await demoActor('admin@dcloud.example');
    // other test files may have left administrators behind; this test needs admin@ to be the only one
    for (const other of (await activeAdminEmails()).filter((e) => e !== admin.email)) {
      const actor = await demoActor(other);
      await updateUser({ actor: admin, userId: actor.id, input: { active: false } });
    }
    expect(await activeAdminEmails()).toEqual([admin.email]);

    const demote = await appErrorOf(
      updateUser({ actor: admin, userId: admin.id, input: { roles: ['planner'] } }),
    );
    expect(demote.status).toBe(422);
    expect(demote.code).toBe('rule');
    expect(demote.messageKey).toBe('lastAdmin');
    expect(fieldErrorsOf(demote)).toEqual({ roles: ['errors.lastAdmin'] });

    const deactivate = await appErrorOf(
      updateUser({ actor: admin, userId: admin.id, input: { active: false } }),
    );
    expect(deactivate.messageKey).toBe('lastAdmin');
    expect(fieldErrorsOf(deactivate)).toEqual({ active: ['errors.lastAdmin'] });

    expect(await loadActor({ id: admin.id }, 'session')).toMatchObject({ roles: ['admin'] });
  });

  it('lets an admin step down while another active admin remains', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const email = uniqueEmail('deputy-admin');
    const { id } = await createUser({
      actor: admin,
      input: { email, name: '부관리자', departmentId: admin.departmentId, roles: ['admin', 'planner'] },
    });
    const deputy = await demoActor(email);
    await updateUser({ actor: deputy, userId: deputy.id, input: { roles: ['planner'] } });
    expect((await loadActor({ id }, 'session'))!.roles).toEqual(['planner']);
    expect(await activeAdminEmails()).not.toContain(email);
  });

  it('refuses two admins demoting each other at once from leaving no admin', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const email = uniqueEmail('rival-admin');
    const { id } = await createUser({
      actor: admin,
      input: { email, name: '경쟁 관리자', departmentId: admin.departmentId, roles: ['admin'] },
    });
    const rival = await demoActor(email);
    const results = await Promise.allSettled([
      updateUser({ actor: admin, userId: rival.id, input: { roles: ['requester'] } }),
      updateUser({ actor: rival, userId: admin.id, input: { roles: ['requester'] } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await activeAdminEmails()).length).toBeGreaterThanOrEqual(1);
    // put admin@ back as the one administrator for whoever runs next
    const survivor = (await activeAdminEmails())[0]!;
    const survivorActor = await demoActor(survivor);
    if (survivor !== admin.email) {
      await updateUser({ actor: survivorActor, userId: admin.id, input: { roles: ['admin'] } });
      await updateUser({ actor: await demoActor(admin.email), userId: id, input: { active: false } });
    }
    expect(await activeAdminEmails()).toEqual([admin.email]);
  });
});

describe('listing users', () => {
  it('lists users with roles and department, filtered by department, for admins only', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const traffic = await departmentId('TRAFFIC');
    const { items } = await listUsers({ actor: admin, departmentId: traffic, limit: 200 });
    expect(items.every((u) => u.departmentId === traffic)).toBe(true);
    expect(items.find((u) => u.email === 'head@dcloud.example')).toMatchObject({
      roles: ['dept_approver'],
      departmentCode: 'TRAFFIC',
      departmentNameKo: '교통국',
    });
    const staff = await demoActor('staff@dcloud.example');
    expect((await appErrorOf(listUsers({ actor: staff }))).status).toBe(403);
  });

  it('pages through users by email', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const first = await listUsers({ actor: admin, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]!.email);
    const second = await listUsers({ actor: admin, limit: 2, cursor: first.nextCursor! });
    expect(second.items[0]!.email > first.items[1]!.email).toBe(true);
  });
});
