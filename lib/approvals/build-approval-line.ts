import type { Role } from '@/lib/auth/actor';

/** 전결: below this monthly amount the IT division's approval is final; at or above it the senior official signs too. */
export const SENIOR_THRESHOLD_MONTHLY_KRW = 1_000_000;

export type PlannedStep = {
  order: number;
  kind: 'review' | 'consult' | 'approve';
  approverRole: Role;
  /** null: the role in any department */
  approverDepartmentId: string | null;
};

export type BuildApprovalLineOptions = {
  requesterDepartmentId: string;
  itDivisionId: string;
  estimateMonthlyKrw: number;
};

/**
 * The default 결재선: the requester's department head reviews (검토), the IT division approves (결재, 전결
 * below the threshold), and above it the senior official approves as well. Admin-kept policies replace
 * this in a later issue; the line is computed at submission and frozen on the request.
 */
export function buildApprovalLine(options: BuildApprovalLineOptions): PlannedStep[] {
  const steps: PlannedStep[] = [
    {
      order: 1,
      kind: 'review',
      approverRole: 'dept_approver',
      approverDepartmentId: options.requesterDepartmentId,
    },
    { order: 2, kind: 'approve', approverRole: 'it_reviewer', approverDepartmentId: options.itDivisionId },
  ];
  if (options.estimateMonthlyKrw >= SENIOR_THRESHOLD_MONTHLY_KRW) {
    steps.push({
      order: 3,
      kind: 'approve',
      approverRole: 'senior_approver',
      approverDepartmentId: null,
    });
  }
  return steps;
}
