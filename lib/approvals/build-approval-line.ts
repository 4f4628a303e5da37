import type { Role } from '@/lib/auth/actor';
import type { ApproverRef, Policy, PolicyRule } from './policy-schema';

/** What a request looks like to the policy. Costs are integer KRW. */
export type LineSubject = {
  departmentCode: string;
  kind: 'vm' | 'platform_slot' | 'volume' | 'scale_up' | 'resize';
  environment: 'dev' | 'staging' | 'prod';
  monthlyKrw: number;
  totalKrw: number;
};

/** One step row of the line; rows that share an order are a parallel group (all must agree). */
export type PlannedStep = {
  order: number;
  kind: 'review' | 'consult' | 'approve';
  ruleName: string;
  approver: ApproverRef;
};

/** Whole months a lease runs from `now` (a started month counts), or null without a lease end. */
export function leaseMonths(leaseUntil: string | null | undefined, now: Date): number | null {
  if (!leaseUntil || !/^\d{4}-\d{2}-\d{2}$/.test(leaseUntil)) return null;
  const days = (Date.parse(`${leaseUntil}T23:59:59+09:00`) - now.getTime()) / 86_400_000;
  return Math.max(1, Math.ceil(days / 30));
}

/** The total cost the policy sees: monthly × months of the lease (months without a lease end: a setting). */
export function totalCostKrw(
  monthlyKrw: number,
  leaseMonths: number | null,
  monthsWithoutLease: number,
): number {
  return monthlyKrw * (leaseMonths ?? monthsWithoutLease);
}

const inRange = (value: number, range?: { min?: number; max?: number }) =>
  !range ||
  ((range.min === undefined || value >= range.min) && (range.max === undefined || value < range.max));

/** Does a rule apply? Every condition it names must hold (min inclusive, max exclusive). */
export function ruleMatches(rule: PolicyRule, subject: LineSubject): boolean {
  const m = rule.match;
  return (
    (!m.departments?.length || m.departments.includes(subject.departmentCode)) &&
    (!m.kinds?.length || m.kinds.includes(subject.kind)) &&
    (!m.environments?.length || m.environments.includes(subject.environment)) &&
    inRange(subject.monthlyKrw, m.monthlyKrw) &&
    inRange(subject.totalKrw, m.totalKrw)
  );
}

const stepKey = (kind: string, approvers: ApproverRef[]) => `${kind}:${JSON.stringify(approvers)}`;

/**
 * The 결재선 from a policy: every matching rule, in the policy's order, contributes its steps; a step
 * identical to one already in the line is not repeated (two rules may both ask for the director).
 * 전결 falls out of the rules: the senior official's rule matches only above its threshold.
 */
export function buildApprovalLine(policy: Pick<Policy, 'rules'>, subject: LineSubject): PlannedStep[] {
  const seen = new Set<string>();
  const line: PlannedStep[] = [];
  let order = 0;
  for (const rule of policy.rules) {
    if (!ruleMatches(rule, subject)) continue;
    for (const step of rule.steps) {
      const key = stepKey(step.kind, step.approvers);
      if (seen.has(key)) continue;
      seen.add(key);
      order += 1;
      for (const approver of step.approvers)
        line.push({ order, kind: step.kind, ruleName: rule.name, approver });
    }
  }
  return line;
}

/** The role a step's approver holds, for labels. */
export function approverRole(ref: ApproverRef): Role | null {
  return ref.type === 'user' ? null : ref.role;
}
