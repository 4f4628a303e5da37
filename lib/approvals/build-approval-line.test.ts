import { describe, expect, it } from 'vitest';
import {
  buildApprovalLine,
  type LineSubject,
  leaseMonths,
  ruleMatches,
  totalCostKrw,
} from './build-approval-line';
import {
  DEFAULT_SENIOR_THRESHOLD_MONTHLY_KRW,
  defaultPolicy,
  type PolicyRule,
  type PolicyStep,
  policyRule,
} from './policy-schema';

const T = DEFAULT_SENIOR_THRESHOLD_MONTHLY_KRW;

/** A 교통국 dev VM at 72,000 KRW a month for a year, unless a test says otherwise. */
const subject = (over: Partial<LineSubject> = {}): LineSubject => ({
  departmentCode: 'TRAFFIC',
  kind: 'vm',
  environment: 'dev',
  monthlyKrw: 72_000,
  totalKrw: 864_000,
  ...over,
});

/** A rule as the policy editor would store it (parsed, so `match` has its default). */
const rule = (match: PolicyRule['match'], steps: PolicyStep[] = [itApproves]): PolicyRule =>
  policyRule.parse({ name: 'rule', match, steps });

const headReviews: PolicyStep = {
  kind: 'review',
  approvers: [{ type: 'requester_department_role', role: 'dept_approver' }],
};
const itApproves: PolicyStep = {
  kind: 'approve',
  approvers: [{ type: 'department_role', role: 'it_reviewer', departmentCode: 'IT' }],
};
const directorApproves: PolicyStep = {
  kind: 'approve',
  approvers: [{ type: 'department_role', role: 'senior_approver', departmentCode: 'PLAN' }],
};

describe('ruleMatches: amounts (min inclusive, max exclusive)', () => {
  const range = { min: 500_000, max: 2_000_000 };
  it.each([
    { label: 'one won below min', amount: 499_999, expected: false },
    { label: 'exactly min', amount: 500_000, expected: true },
    { label: 'one won above min', amount: 500_001, expected: true },
    { label: 'one won below max', amount: 1_999_999, expected: true },
    { label: 'exactly max', amount: 2_000_000, expected: false },
    { label: 'one won above max', amount: 2_000_001, expected: false },
  ])('a monthly amount at $label matches: $expected', ({ amount, expected }) => {
    expect(ruleMatches(rule({ monthlyKrw: range }), subject({ monthlyKrw: amount }))).toBe(expected);
  });

  it.each([
    { label: 'one won below min', amount: 499_999, expected: false },
    { label: 'exactly min', amount: 500_000, expected: true },
    { label: 'one won above min', amount: 500_001, expected: true },
    { label: 'one won below max', amount: 1_999_999, expected: true },
    { label: 'exactly max', amount: 2_000_000, expected: false },
    { label: 'one won above max', amount: 2_000_001, expected: false },
  ])('a total amount at $label matches: $expected', ({ amount, expected }) => {
    expect(ruleMatches(rule({ totalKrw: range }), subject({ totalKrw: amount }))).toBe(expected);
  });

  it.each([
    {
      label: 'only a min, far above it',
      match: { monthlyKrw: { min: 1 } },
      monthlyKrw: 10 ** 9,
      expected: true,
    },
    { label: 'only a min, at zero', match: { monthlyKrw: { min: 1 } }, monthlyKrw: 0, expected: false },
    { label: 'only a max, at zero', match: { monthlyKrw: { max: 1 } }, monthlyKrw: 0, expected: true },
    { label: 'only a max, at it', match: { monthlyKrw: { max: 1 } }, monthlyKrw: 1, expected: false },
  ])('an open-ended range with $label matches: $expected', ({ match, monthlyKrw, expected }) => {
    expect(ruleMatches(rule(match), subject({ monthlyKrw }))).toBe(expected);
  });

  it('looks at the monthly and the total amount separately', () => {
    const monthlyOnly = rule({ monthlyKrw: { min: 100_000 } });
    const totalOnly = rule({ totalKrw: { min: 100_000 } });
    const cheapMonthLongLease = subject({ monthlyKrw: 50_000, totalKrw: 600_000 });
    expect(ruleMatches(monthlyOnly, cheapMonthLongLease)).toBe(false);
    expect(ruleMatches(totalOnly, cheapMonthLongLease)).toBe(true);
  });
});

describe('ruleMatches: department, kind and environment', () => {
  it.each([
    { label: 'an empty match', match: {}, over: {}, expected: true },
    { label: 'its department', match: { departments: ['TRAFFIC'] }, over: {}, expected: true },
    {
      label: 'one of its departments',
      match: { departments: ['WELFARE', 'TRAFFIC'] },
      over: {},
      expected: true,
    },
    { label: 'another department', match: { departments: ['WELFARE'] }, over: {}, expected: false },
    { label: 'an empty department list', match: { departments: [] }, over: {}, expected: true },
    { label: 'its kind', match: { kinds: ['vm' as const] }, over: {}, expected: true },
    {
      label: 'another kind',
      match: { kinds: ['platform_slot' as const] },
      over: {},
      expected: false,
    },
    {
      label: 'its environment',
      match: { environments: ['prod' as const] },
      over: { environment: 'prod' as const },
      expected: true,
    },
    { label: 'another environment', match: { environments: ['prod' as const] }, over: {}, expected: false },
    {
      label: 'every condition holding',
      match: {
        departments: ['TRAFFIC'],
        kinds: ['vm' as const],
        environments: ['dev' as const],
        monthlyKrw: { max: T },
      },
      over: {},
      expected: true,
    },
    {
      label: 'all conditions but one holding',
      match: { departments: ['TRAFFIC'], kinds: ['vm' as const], environments: ['staging' as const] },
      over: {},
      expected: false,
    },
  ])('a request matched against $label: $expected', ({ match, over, expected }) => {
    expect(ruleMatches(rule(match), subject(over))).toBe(expected);
  });
});

describe('buildApprovalLine with the default policy', () => {
  const roles = (over: Partial<LineSubject>) =>
    buildApprovalLine(defaultPolicy, subject(over)).map((s) => [s.order, s.kind, s.approver]);
  const head = { type: 'requester_department_role', role: 'dept_approver' };
  const planner = { type: 'department_role', role: 'planner', departmentCode: 'IT' };
  const it_ = { type: 'department_role', role: 'it_reviewer', departmentCode: 'IT' };
  const director = { type: 'department_role', role: 'senior_approver', departmentCode: 'PLAN' };

  it.each([
    {
      label: 'dev, below the threshold',
      over: { environment: 'dev' as const, monthlyKrw: T - 1 },
      // 전결: IT's approval is final
      expected: [
        [1, 'review', head],
        [2, 'approve', it_],
      ],
    },
    {
      label: 'dev, at the threshold',
      over: { environment: 'dev' as const, monthlyKrw: T },
      expected: [
        [1, 'review', head],
        [2, 'approve', it_],
        [3, 'approve', director],
      ],
    },
    {
      label: 'dev, above the threshold',
      over: { environment: 'dev' as const, monthlyKrw: T + 1 },
      expected: [
        [1, 'review', head],
        [2, 'approve', it_],
        [3, 'approve', director],
      ],
    },
    {
      label: 'staging, below the threshold',
      over: { environment: 'staging' as const, monthlyKrw: T - 1 },
      expected: [
        [1, 'review', head],
        [2, 'approve', it_],
      ],
    },
    {
      label: 'prod, below the threshold',
      over: { environment: 'prod' as const, monthlyKrw: T - 1 },
      expected: [
        [1, 'review', head],
        [2, 'consult', planner],
        [3, 'approve', it_],
      ],
    },
    {
      label: 'prod, at the threshold',
      over: { environment: 'prod' as const, monthlyKrw: T },
      expected: [
        [1, 'review', head],
        [2, 'consult', planner],
        [3, 'approve', it_],
        [4, 'approve', director],
      ],
    },
    {
      label: 'prod, above the threshold',
      over: { environment: 'prod' as const, monthlyKrw: T + 1 },
      expected: [
        [1, 'review', head],
        [2, 'consult', planner],
        [3, 'approve', it_],
        [4, 'approve', director],
      ],
    },
  ])('for $label: $expected.length steps', ({ over, expected }) => {
    expect(roles(over)).toEqual(expected);
  });

  it('names the rule each step comes from, for the timeline', () => {
    expect(buildApprovalLine(defaultPolicy, subject({ environment: 'prod', monthlyKrw: T }))).toEqual([
      { order: 1, kind: 'review', ruleName: '부서장 검토', approver: head },
      { order: 2, kind: 'consult', ruleName: '운영 환경 용량 협조', approver: planner },
      { order: 3, kind: 'approve', ruleName: '정보화담당관 결재 (전결)', approver: it_ },
      { order: 4, kind: 'approve', ruleName: '기획조정실장 결재 (전결 한도 초과)', approver: director },
    ]);
  });

  it('does not ask the director for a long lease below the monthly threshold (the rule is monthly)', () => {
    expect(roles({ monthlyKrw: T - 1, totalKrw: 100 * T })).toHaveLength(2);
  });
});

describe('buildApprovalLine: composing rules', () => {
  it('skips a step identical to one an earlier rule already put in the line', () => {
    const policy = {
      rules: [
        rule({}, [headReviews, itApproves]),
        rule({ environments: ['dev'] }, [itApproves, directorApproves]),
      ],
    };
    expect(buildApprovalLine(policy, subject()).map((s) => [s.order, s.approver])).toEqual([
      [1, headReviews.approvers[0]],
      [2, itApproves.approvers[0]],
      [3, directorApproves.approvers[0]],
    ]);
  });

  it('numbers the steps without gaps when a matching rule repeats every step of another', () => {
    const policy = { rules: [rule({}, [itApproves]), rule({}, [itApproves]), rule({}, [directorApproves])] };
    expect(buildApprovalLine(policy, subject()).map((s) => s.order)).toEqual([1, 2]);
  });

  it('gives a parallel 협조 group one order, one row per approver, and moves the next step on by one', () => {
    const consultBoth: PolicyStep = {
      kind: 'consult',
      approvers: [
        { type: 'department_role', role: 'planner', departmentCode: 'IT' },
        { type: 'user', email: 'admin@dcloud.example' },
      ],
    };
    const policy = { rules: [rule({}, [headReviews, consultBoth, itApproves])] };
    expect(buildApprovalLine(policy, subject()).map((s) => [s.order, s.kind, s.approver])).toEqual([
      [1, 'review', headReviews.approvers[0]],
      [2, 'consult', consultBoth.approvers[0]],
      [2, 'consult', consultBoth.approvers[1]],
      [3, 'approve', itApproves.approvers[0]],
    ]);
  });

  it('keeps the policy order of rules, not the order of their conditions', () => {
    const policy = {
      rules: [rule({ environments: ['dev'] }, [directorApproves]), rule({}, [headReviews])],
    };
    expect(buildApprovalLine(policy, subject()).map((s) => s.kind)).toEqual(['approve', 'review']);
  });

  it('asks nobody when no rule matches', () => {
    const policy = { rules: [rule({ departments: ['WELFARE'] }, [headReviews])] };
    expect(buildApprovalLine(policy, subject())).toEqual([]);
  });
});

describe('totalCostKrw', () => {
  it.each([
    { label: 'a 6-month lease', monthly: 72_000, lease: 6, without: 12, expected: 432_000 },
    { label: 'a 1-month lease', monthly: 72_000, lease: 1, without: 12, expected: 72_000 },
    {
      label: 'no lease end (the setting: 12 months)',
      monthly: 72_000,
      lease: null,
      without: 12,
      expected: 864_000,
    },
    {
      label: 'no lease end (the setting: 36 months)',
      monthly: 72_000,
      lease: null,
      without: 36,
      expected: 2_592_000,
    },
    { label: 'nothing a month', monthly: 0, lease: 6, without: 12, expected: 0 },
  ])('is monthly × months for $label', ({ monthly, lease, without, expected }) => {
    expect(totalCostKrw(monthly, lease, without)).toBe(expected);
  });
});

describe('leaseMonths', () => {
  // noon in Seoul on 1 March 2026
  const now = new Date('2026-03-01T03:00:00Z');
  it.each([
    { label: 'no lease end', until: null, expected: null },
    { label: 'a lease ending today', until: '2026-03-01', expected: 1 },
    { label: 'a lease that already ended', until: '2026-02-01', expected: 1 },
    { label: 'a lease of exactly 30 days', until: '2026-03-30', expected: 1 },
    { label: 'a lease of 31 days (a started month counts)', until: '2026-03-31', expected: 2 },
    { label: 'a lease to the end of the year', until: '2026-12-31', expected: 11 },
  ])('counts $expected months for $label', ({ until, expected }) => {
    expect(leaseMonths(until, now)).toBe(expected);
  });
});
