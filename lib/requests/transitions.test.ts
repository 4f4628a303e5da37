import { describe, expect, it } from 'vitest';
import { requestStatusEnum } from '@/db/schema/enums';
import { AppError } from '@/lib/errors/app-error';
import { assertRequestTransition, canMoveRequest, type RequestStatus } from './transitions';

const legal: [RequestStatus, RequestStatus][] = [
  ['draft', 'submitted'],
  ['draft', 'cancelled'],
  ['submitted', 'in_approval'],
  ['submitted', 'approved'],
  ['submitted', 'cancelled'],
  ['in_approval', 'approved'],
  ['in_approval', 'rejected'],
  ['in_approval', 'cancelled'],
  ['approved', 'provisioning'],
  ['approved', 'failed'],
  ['provisioning', 'active'],
  ['provisioning', 'failed'],
  // 재상신: the drafter revises a rejected request and submits it again (a new round)
  ['rejected', 'submitted'],
];
const isLegal = (from: RequestStatus, to: RequestStatus) => legal.some(([f, t]) => f === from && t === to);
const statuses = requestStatusEnum.enumValues;
const illegal = statuses.flatMap((from) =>
  statuses.filter((to) => !isLegal(from, to)).map((to) => [from, to] as [RequestStatus, RequestStatus]),
);

function refusal(from: RequestStatus, to: RequestStatus): AppError {
  try {
    assertRequestTransition(from, to);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${from} → ${to} was allowed`);
}

describe('request lifecycle', () => {
  it.each(legal)('lets a request move from %s to %s', (from, to) => {
    expect(canMoveRequest(from, to)).toBe(true);
    expect(() => assertRequestTransition(from, to)).not.toThrow();
  });

  it.each(illegal)('refuses to move a request from %s to %s with a 409', (from, to) => {
    expect(canMoveRequest(from, to)).toBe(false);
    const error = refusal(from, to);
    expect(error.code).toBe('illegal_transition');
    expect(error.status).toBe(409);
  });

  it.each(['active', 'cancelled', 'failed'] as const)('tells the user a %s request is closed', (from) => {
    const error = refusal(from, 'approved');
    expect(error.messageKey).toBe('requestClosed');
    expect(error.values.status).toBe(from);
  });

  it('does not call a rejected request closed: it can only be resubmitted', () => {
    const error = refusal('rejected', 'approved');
    expect(error.messageKey).toBe('transition');
    expect(error.values).toMatchObject({ from: 'rejected', to: 'approved' });
  });

  it('names both states when an open request cannot make the move', () => {
    const error = refusal('in_approval', 'active');
    expect(error.messageKey).toBe('transition');
    expect(error.values).toMatchObject({ from: 'in_approval', to: 'active' });
  });
});
