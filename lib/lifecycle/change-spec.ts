import { z } from 'zod';
import { LIMITS } from '@/lib/catalog/spec-schemas';

/**
 * A change request (resize, temporary scale-up) names what changes of its target resource's spec;
 * the rest stays. VMs change flavour and disk (disks only grow), platform slots their instances and
 * per-instance CPU and memory, volumes their size (only grows).
 */
export const changeSchema = z
  .object({
    flavor: z.string({ error: 'validation.choice' }).min(1).max(40).optional(),
    diskGb: z
      .number({ error: 'validation.integer' })
      .int()
      .min(LIMITS.diskGb.min)
      .max(LIMITS.diskGb.max)
      .optional(),
    instances: z
      .number({ error: 'validation.integer' })
      .int()
      .min(LIMITS.instances.min)
      .max(LIMITS.instances.max)
      .optional(),
    cpuPerInstance: z
      .number({ error: 'validation.integer' })
      .int()
      .min(LIMITS.cpu.min)
      .max(LIMITS.cpu.max)
      .optional(),
    memoryGbPerInstance: z
      .number({ error: 'validation.integer' })
      .int()
      .min(LIMITS.memory.min)
      .max(LIMITS.memory.max)
      .optional(),
    sizeGb: z
      .number({ error: 'validation.integer' })
      .int()
      .min(LIMITS.volumeGb.min)
      .max(LIMITS.volumeGb.max)
      .optional(),
  })
  .strict();

export type Change = z.output<typeof changeSchema>;

/** The fields a kind of resource may change. */
export const changeableFields: Record<string, readonly (keyof Change)[]> = {
  vm: ['flavor', 'diskGb'],
  platform_slot: ['instances', 'cpuPerInstance', 'memoryGbPerInstance'],
  volume: ['sizeGb'],
};

/** The spec after the change: the resource's spec with the changed fields replaced. */
export function applyChange(spec: Record<string, unknown>, change: Change): Record<string, unknown> {
  const next = { ...spec };
  for (const [key, value] of Object.entries(change)) if (value !== undefined) next[key] = value;
  return next;
}

/** The spec stored on a change request: what changes, and for a scale-up, the window it lasts. */
export type ChangeRequestSpec = {
  change: Change;
  /** the target's spec when the change was asked for: what a scale-up returns to */
  before: Record<string, unknown>;
  /** temporary scale-up: from and until (ISO instants); the change is reverted at `until` */
  window?: { from: string; until: string };
};

export function readChangeRequestSpec(spec: unknown): ChangeRequestSpec {
  const s = spec as Partial<ChangeRequestSpec>;
  return { change: s.change ?? {}, before: s.before ?? {}, window: s.window };
}
