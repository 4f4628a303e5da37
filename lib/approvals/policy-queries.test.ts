import { gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { approvalPolicies } from '@/db/schema/approvals';
import { userRoles, users } from '@/db/schema/org';
import { demoActors, expectAppError } from '@/db/testing/fixtures';
import { uniqueEmail } from '@/lib/admin/test-helpers';
import { getActivePolicy } from './get-active-policy';
import {
  getPolicyVersion,
  listApprovingUsers,
  listPolicyDepartments,
  listPolicyVersions,
} from './policy-queries';
import { defaultPolicy, type Policy, policyInput } from './policy-schema';
import { savePolicy } from './save-policy';

let a: Awaited<ReturnType<typeof demoActors>>;
let baseline: number;
beforeAll(async () => {
  a = await demoActors();
  baseline = (await getActivePolicy()).version;
});

// the other test files expect the policy in force when this one started
afterAll(async () => {
  await getDb().delete(approvalPolicies).where(gt(approvalPolicies.version, baseline));
});

const named = (name: string): Policy => policyInput.parse({ ...defaultPolicy, name, note: `${name} 메모` });

describe('policy versions', () => {
  it('lists saved versions newest first, who saved them, and the built-in default last', async () => {
    const first = await savePolicy({ actor: a.admin, policy: named('첫 개정') });
    const second = await savePolicy({ actor: a.admin, policy: named('둘째 개정') });

    const versions = await listPolicyVersions({ actor: a.admin });
    expect(versions.slice(0, 2)).toMatchObject([
      {
        version: second.version,
        name: '둘째 개정',
        ruleCount: defaultPolicy.rules.length,
        createdBy: { name: a.admin.name, email: a.admin.email },
        inForce: true,
      },
      { version: first.version, name: '첫 개정', note: '첫 개정 메모', inForce: false },
    ]);
    expect(versions.at(-1)).toMatchObject({
      version: 0,
      name: defaultPolicy.name,
      createdAt: null,
      createdBy: null,
      inForce: false,
    });
  });

  it('reads one version read-only, the one in force by default, and 0 as the built-in default', async () => {
    const { version } = await savePolicy({ actor: a.admin, policy: named('읽기 시험') });
    const current = await getPolicyVersion({ actor: a.admin });
    expect(current).toMatchObject({
      version,
      name: '읽기 시험',
      inForce: true,
      createdBy: { name: a.admin.name },
    });
    expect(current?.rules).toEqual(defaultPolicy.rules);

    expect(await getPolicyVersion({ actor: a.admin, version: version - 1 })).toMatchObject({
      version: version - 1,
      inForce: false,
    });
    expect(await getPolicyVersion({ actor: a.admin, version: 0 })).toMatchObject({
      version: 0,
      name: defaultPolicy.name,
      rules: defaultPolicy.rules,
      inForce: false,
    });
    expect(await getPolicyVersion({ actor: a.admin, version: version + 100 })).toBeNull();
    expect(await getPolicyVersion({ actor: a.admin, version: -1 })).toBeNull();
  });

  it('refuses anyone but an admin', async () => {
    await expectAppError(listPolicyVersions({ actor: a.it }), 'forbidden');
    await expectAppError(getPolicyVersion({ actor: a.planner }), 'forbidden');
    await expectAppError(listPolicyDepartments({ actor: a.head }), 'forbidden');
    await expectAppError(listApprovingUsers({ actor: a.director }), 'forbidden');
  });
});

describe('editor choices', () => {
  it('offers every department by code', async () => {
    const codes = (await listPolicyDepartments({ actor: a.admin })).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['IT', 'PLAN', 'TRAFFIC', 'WELFARE']));
  });

  it('offers active users holding an approving role, never requesters or disabled accounts', async () => {
    const [inactive] = await getDb()
      .insert(users)
      .values({ email: uniqueEmail('gone'), name: '퇴직자', departmentId: a.it.departmentId, active: false })
      .returning();
    await getDb().insert(userRoles).values({ userId: inactive!.id, role: 'it_reviewer' });

    const people = await listApprovingUsers({ actor: a.admin });
    const emails = people.map((p) => p.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        'head@dcloud.example',
        'it@dcloud.example',
        'director@dcloud.example',
        'planner@dcloud.example',
        'admin@dcloud.example',
        'welfare-head@dcloud.example',
      ]),
    );
    expect(emails).not.toContain('staff@dcloud.example');
    expect(emails).not.toContain('welfare@dcloud.example');
    expect(emails).not.toContain(inactive!.email);
    expect(people.find((p) => p.email === 'director@dcloud.example')).toMatchObject({
      name: a.director.name,
      departmentCode: 'PLAN',
      roles: ['senior_approver'],
    });
  });
});
