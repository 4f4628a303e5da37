import { count, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { approvalPolicies } from '@/db/schema/approvals';
import { userRoles, users } from '@/db/schema/org';
import { auditRows, belowThreshold, demoActors, expectAppError, submitVm } from '@/db/testing/fixtures';
import { parseInput } from '@/lib/admin/parse-input';
import { fieldErrorsOf, uniqueEmail } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { fieldErrorMessages } from '@/lib/i18n/translate-error';
import { buildApprovalLine } from './build-approval-line';
import { getActivePolicy } from './get-active-policy';
import { type PolicyInput, policyInput } from './policy-schema';
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

/** What the admin's server action does: parse with the schema, then save. */
const save = async (actor: Actor, input: PolicyInput) =>
  savePolicy({ actor, policy: parseInput(policyInput, input) });

type StepInput = PolicyInput['rules'][number]['steps'][number];
const review: StepInput = {
  kind: 'review',
  approvers: [{ type: 'requester_department_role', role: 'dept_approver' }],
};
const itApproval: StepInput = {
  kind: 'approve',
  approvers: [{ type: 'department_role', role: 'it_reviewer', departmentCode: 'IT' }],
};

/** A valid policy with one rule replaced or added, to break one thing at a time. */
function policyWith(rules: PolicyInput['rules'], settings?: PolicyInput['settings']): PolicyInput {
  return { name: '시험 규정', note: '', rules, ...(settings ? { settings } : {}) };
}

async function storedVersions() {
  const [row] = await getDb().select({ n: count() }).from(approvalPolicies);
  return row?.n ?? 0;
}

describe('savePolicy', () => {
  it('saves a new version that then drives the approval line', async () => {
    const version = await save(a.admin, {
      name: '운영 협조 강화',
      note: '교통국·복지국 운영 환경은 정보화 기획과 기획조정실장이 함께 협조',
      rules: [
        { name: '부서장 검토', steps: [review] },
        {
          name: '교통국·복지국 운영 협조',
          match: { departments: ['TRAFFIC', 'WELFARE'], environments: ['prod'] },
          steps: [
            {
              kind: 'consult',
              approvers: [
                { type: 'department_role', role: 'planner', departmentCode: 'IT' },
                { type: 'user', email: 'director@dcloud.example' },
              ],
            },
          ],
        },
        { name: '정보화담당관 결재', steps: [itApproval] },
      ],
      settings: { reminderWorkingHours: 4, escalationWorkingHours: 16 },
    });
    expect(version).toEqual({ version: baseline + 1 });

    const active = await getActivePolicy();
    expect(active.version).toBe(baseline + 1);
    expect(active.name).toBe('운영 협조 강화');
    expect(active.settings).toEqual({
      reminderWorkingHours: 4,
      escalationWorkingHours: 16,
      linkTtlHours: 72,
      bulkApproveMaxMonthlyKrw: 300_000,
      monthsWithoutLease: 12,
    });

    const subject = { kind: 'vm', environment: 'prod', monthlyKrw: 2_000_000, totalKrw: 24_000_000 } as const;
    const traffic = buildApprovalLine(active, { ...subject, departmentCode: 'TRAFFIC' });
    expect(traffic.map((s) => [s.order, s.kind, s.ruleName])).toEqual([
      [1, 'review', '부서장 검토'],
      [2, 'consult', '교통국·복지국 운영 협조'],
      [2, 'consult', '교통국·복지국 운영 협조'],
      [3, 'approve', '정보화담당관 결재'],
    ]);
    // no senior official in this version, whatever the amount; other departments skip the 협조
    expect(buildApprovalLine(active, { ...subject, departmentCode: 'ADMIN' }).map((s) => s.kind)).toEqual([
      'review',
      'approve',
    ]);

    const request = await submitVm(a.staff, belowThreshold);
    expect(request.policyVersion).toBe(baseline + 1);
    expect(request.steps.map((s) => s.ruleName)).toEqual(['부서장 검토', '정보화담당관 결재']);

    const [audit] = await auditRows(String(baseline + 1));
    expect(audit).toMatchObject({ action: 'policy.saved', actorId: a.admin.id });
    expect(audit?.after).toMatchObject({ version: baseline + 1, name: '운영 협조 강화' });
  });

  it.each([
    {
      label: 'a rule with no steps',
      input: policyWith([
        { name: '부서장 검토', steps: [review] },
        { name: '빈 규칙', steps: [] },
      ]),
      expected: { 'rules.1.steps': ['validation.steps'] },
    },
    {
      label: 'an unknown department code',
      input: policyWith([
        { name: '부서 조건', match: { departments: ['TRAFFIC', 'NOPE'] }, steps: [review] },
        {
          name: '없는 부서의 결재',
          steps: [
            {
              kind: 'approve',
              approvers: [{ type: 'department_role', role: 'it_reviewer', departmentCode: 'GHOST' }],
            },
          ],
        },
      ]),
      expected: {
        'rules.0.match.departments.1': ['errors.departmentNotFound'],
        'rules.1.steps.0.approvers.0.departmentCode': ['errors.departmentNotFound'],
      },
    },
    {
      label: 'a person who cannot approve',
      input: policyWith([
        {
          name: '요청자 결재',
          steps: [{ kind: 'approve', approvers: [{ type: 'user', email: 'staff@dcloud.example' }] }],
        },
      ]),
      expected: { 'rules.0.steps.0.approvers.0.email': ['errors.notAnApprover'] },
    },
    {
      label: 'a person nobody knows',
      input: policyWith([
        {
          name: '모르는 사람',
          steps: [{ kind: 'approve', approvers: [{ type: 'user', email: 'nobody@dcloud.example' }] }],
        },
      ]),
      expected: { 'rules.0.steps.0.approvers.0.email': ['errors.userNotFound'] },
    },
    {
      label: 'a reminder not before the escalation',
      input: policyWith([{ name: '부서장 검토', steps: [review] }], {
        reminderWorkingHours: 24,
        escalationWorkingHours: 24,
      }),
      expected: { 'settings.escalationWorkingHours': ['validation.reminderBeforeEscalation'] },
    },
    {
      label: 'two approvers on a 결재 step',
      input: policyWith([
        {
          name: '함께 결재',
          steps: [
            {
              kind: 'approve',
              approvers: [...itApproval.approvers, { type: 'user', email: 'director@dcloud.example' }],
            },
          ],
        },
      ]),
      expected: { 'rules.0.steps.0.approvers': ['validation.parallelOnlyConsult'] },
    },
    {
      label: 'a monthly range whose minimum is not below its maximum',
      input: policyWith([
        { name: '범위', match: { monthlyKrw: { min: 1_000_000, max: 500_000 } }, steps: [review] },
      ]),
      expected: { 'rules.0.match.monthlyKrw': ['validation.range'] },
    },
    {
      label: 'no rules at all',
      input: policyWith([]),
      expected: { rules: ['validation.rules'] },
    },
  ])('refuses $label with field errors and keeps the version in force', async ({ input, expected }) => {
    const before = await getActivePolicy();
    const rows = await storedVersions();
    const error = await expectAppError(save(a.admin, input), 'bad_request', 400);
    expect(fieldErrorsOf(error)).toEqual(expected);
    // each error reads as a sentence of its own in Korean, not the generic "check your input"
    for (const [field, messages] of Object.entries(fieldErrorMessages('ko', fieldErrorsOf(error)))) {
      expect(messages[0], field).not.toBe('입력값을 확인해 주세요.');
    }
    expect(await storedVersions()).toBe(rows);
    expect((await getActivePolicy()).version).toBe(before.version);
  });

  it('refuses a person whose account is disabled', async () => {
    const [inactive] = await getDb()
      .insert(users)
      .values({
        email: uniqueEmail('away'),
        name: '퇴직 결재권자',
        departmentId: a.head.departmentId,
        active: false,
      })
      .returning();
    await getDb().insert(userRoles).values({ userId: inactive!.id, role: 'dept_approver' });
    const before = (await getActivePolicy()).version;
    const error = await expectAppError(
      save(
        a.admin,
        policyWith([
          {
            name: '퇴직자',
            steps: [{ kind: 'approve', approvers: [{ type: 'user', email: inactive!.email }] }],
          },
        ]),
      ),
      'bad_request',
    );
    expect(fieldErrorsOf(error)).toEqual({ 'rules.0.steps.0.approvers.0.email': ['errors.notAnApprover'] });
    expect((await getActivePolicy()).version).toBe(before);
  });

  it('refuses anyone but an admin', async () => {
    const before = (await getActivePolicy()).version;
    for (const actor of [a.head, a.it, a.director, a.planner]) {
      await expectAppError(
        save(actor, policyWith([{ name: '부서장 검토', steps: [review] }])),
        'forbidden',
        403,
      );
    }
    expect((await getActivePolicy()).version).toBe(before);
  });
});
