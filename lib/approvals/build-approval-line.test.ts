import { describe, expect, it } from 'vitest';
import { buildApprovalLine, SENIOR_THRESHOLD_MONTHLY_KRW } from './build-approval-line';

const requesterDepartmentId = 'dept-traffic';
const itDivisionId = 'dept-it';
const line = (estimateMonthlyKrw: number) =>
  buildApprovalLine({ requesterDepartmentId, itDivisionId, estimateMonthlyKrw });

describe('buildApprovalLine', () => {
  it('starts with a review by the head of the requesting department, then IT approves', () => {
    expect(line(72_000)).toEqual([
      {
        order: 1,
        kind: 'review',
        approverRole: 'dept_approver',
        approverDepartmentId: requesterDepartmentId,
      },
      { order: 2, kind: 'approve', approverRole: 'it_reviewer', approverDepartmentId: itDivisionId },
    ]);
  });

  it.each([
    { label: 'nothing', estimate: 0, director: false },
    { label: 'one won below the threshold', estimate: SENIOR_THRESHOLD_MONTHLY_KRW - 1, director: false },
    { label: 'exactly the threshold', estimate: SENIOR_THRESHOLD_MONTHLY_KRW, director: true },
    { label: 'one won above the threshold', estimate: SENIOR_THRESHOLD_MONTHLY_KRW + 1, director: true },
    { label: 'far above the threshold', estimate: 50_000_000, director: true },
  ])('at $label ($estimate KRW) the director signs: $director', ({ estimate, director }) => {
    const steps = line(estimate);
    const last = steps[steps.length - 1]!;
    if (director) {
      expect(steps).toHaveLength(3);
      expect(last).toEqual({
        order: 3,
        kind: 'approve',
        approverRole: 'senior_approver',
        approverDepartmentId: null,
      });
    } else {
      // 전결: IT's approval is final
      expect(steps).toHaveLength(2);
      expect(last.approverRole).toBe('it_reviewer');
    }
  });

  it('requires the director above the 전결 threshold, after the department and IT', () => {
    expect(line(SENIOR_THRESHOLD_MONTHLY_KRW + 1).map((s) => s.approverRole)).toEqual([
      'dept_approver',
      'it_reviewer',
      'senior_approver',
    ]);
  });
});
