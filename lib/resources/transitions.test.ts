import { describe, expect, it } from 'vitest';
import { resourceStatusEnum } from '@/db/schema/enums';
import { AppError } from '@/lib/errors/app-error';
import { assertResourceTransition, type ResourceStatus } from './transitions';

const legal: [ResourceStatus, ResourceStatus][] = [
  ['provisioning', 'active'],
  ['provisioning', 'failed'],
  ['active', 'resizing'],
  ['active', 'decommissioning'],
  ['resizing', 'active'],
  ['resizing', 'decommissioning'],
  ['failed', 'decommissioning'],
  ['decommissioning', 'decommissioned'],
  ['decommissioning', 'failed'],
];
const statuses = resourceStatusEnum.enumValues;
const illegal = statuses.flatMap((from) =>
  statuses
    .filter((to) => !legal.some(([f, t]) => f === from && t === to))
    .map((to) => [from, to] as [ResourceStatus, ResourceStatus]),
);

describe('resource lifecycle', () => {
  it.each(legal)('lets a resource move from %s to %s', (from, to) => {
    expect(() => assertResourceTransition(from, to)).not.toThrow();
  });

  it.each(illegal)('refuses to move a resource from %s to %s with a 409', (from, to) => {
    let error: unknown;
    try {
      assertResourceTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('illegal_transition');
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).values).toMatchObject({ from, to });
  });
});
