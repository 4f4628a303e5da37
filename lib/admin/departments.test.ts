import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { departments } from '@/db/schema/org';
import { auditLog } from '@/db/schema/requests';
import { createDepartment, type DepartmentInput } from './create-department';
import { listDepartments } from './queries';
import { appErrorOf, demoActor, fieldErrorsOf } from './test-helpers';
import { updateDepartment } from './update-department';

function newDepartment(overrides: Partial<DepartmentInput> = {}): DepartmentInput {
  return {
    code: `T-${randomUUID().slice(0, 8).toUpperCase()}`,
    nameKo: '스마트도시과',
    nameEn: 'Smart City Division',
    quotaVcpu: 32,
    quotaRamGb: 128,
    quotaStorageGb: 2048,
    quotaMonthlyKrw: 5_000_000,
    ...overrides,
  };
}

async function departmentCount(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(departments);
  return row!.n;
}

describe('departments', () => {
  it('lets an admin add a department, which is then listed with its quotas and no users', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const input = newDepartment({ code: ` t-${randomUUID().slice(0, 6)} ` });
    const created = await createDepartment({ actor: admin, input });
    expect(created.code).toBe(input.code.trim().toUpperCase());

    const listed = (await listDepartments({ actor: admin })).find((d) => d.id === created.id);
    expect(listed).toMatchObject({
      nameKo: '스마트도시과',
      quotaVcpu: 32,
      quotaMonthlyKrw: 5_000_000,
      userCount: 0,
      activeUserCount: 0,
    });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'department.created')));
    expect(audit).toMatchObject({ actorId: admin.id });
  });

  it('counts the users of each department', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const traffic = (await listDepartments({ actor: admin })).find((d) => d.code === 'TRAFFIC');
    expect(traffic!.userCount).toBeGreaterThanOrEqual(2);
  });

  it('changes names and quotas, keeping what is left out, and audits before and after', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const created = await createDepartment({ actor: admin, input: newDepartment() });
    const updated = await updateDepartment({
      actor: admin,
      departmentId: created.id,
      input: { nameEn: 'Smart City Bureau', quotaVcpu: 96, quotaMonthlyKrw: 12_000_000 },
    });
    expect(updated).toMatchObject({
      nameKo: '스마트도시과',
      nameEn: 'Smart City Bureau',
      quotaVcpu: 96,
      quotaRamGb: 128,
      quotaMonthlyKrw: 12_000_000,
    });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'department.updated')));
    expect(audit!.before).toMatchObject({ quotaVcpu: 32, nameEn: 'Smart City Division' });
    expect(audit!.after).toMatchObject({ quotaVcpu: 96, nameEn: 'Smart City Bureau' });
  });

  it('answers 409 for a code already in use, on create and on update, and changes nothing', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const before = await departmentCount();
    const onCreate = await appErrorOf(
      createDepartment({ actor: admin, input: newDepartment({ code: 'traffic' }) }),
    );
    expect(onCreate.status).toBe(409);
    expect(fieldErrorsOf(onCreate)).toEqual({ code: ['errors.departmentCodeTaken'] });
    expect(await departmentCount()).toBe(before);

    const created = await createDepartment({ actor: admin, input: newDepartment() });
    const onUpdate = await appErrorOf(
      updateDepartment({ actor: admin, departmentId: created.id, input: { code: 'WELFARE', quotaVcpu: 1 } }),
    );
    expect(onUpdate.status).toBe(409);
    const [row] = await getDb().select().from(departments).where(eq(departments.id, created.id));
    expect(row).toMatchObject({ code: created.code, quotaVcpu: 32 });
  });

  it('answers 400 with field errors for bad input and creates nothing', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const before = await departmentCount();
    const error = await appErrorOf(
      createDepartment({
        actor: admin,
        input: newDepartment({
          code: '한글코드',
          nameKo: '',
          quotaVcpu: -1,
          quotaRamGb: 1.5,
          quotaMonthlyKrw: 3e9,
        }),
      }),
    );
    expect(error.status).toBe(400);
    expect(fieldErrorsOf(error)).toEqual({
      code: ['validation.departmentCode'],
      nameKo: ['validation.name'],
      quotaVcpu: ['validation.quota'],
      quotaRamGb: ['validation.integer'],
      quotaMonthlyKrw: ['validation.quota'],
    });
    expect(await departmentCount()).toBe(before);
  });

  it('refuses a non-admin with 403 and changes nothing', async () => {
    const director = await demoActor('director@dcloud.example');
    const before = await departmentCount();
    expect((await appErrorOf(createDepartment({ actor: director, input: newDepartment() }))).status).toBe(
      403,
    );
    const [plan] = await getDb().select().from(departments).where(eq(departments.code, 'PLAN'));
    const refused = await appErrorOf(
      updateDepartment({ actor: director, departmentId: plan!.id, input: { quotaVcpu: 9999 } }),
    );
    expect(refused.status).toBe(403);
    expect(await departmentCount()).toBe(before);
    const [after] = await getDb().select().from(departments).where(eq(departments.code, 'PLAN'));
    expect(after!.quotaVcpu).toBe(plan!.quotaVcpu);
    expect((await appErrorOf(listDepartments({ actor: director }))).status).toBe(403);
  });

  it('answers 404 for an unknown department', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const error = await appErrorOf(
      updateDepartment({ actor: admin, departmentId: randomUUID(), input: { quotaVcpu: 1 } }),
    );
    expect(error.status).toBe(404);
  });
});
