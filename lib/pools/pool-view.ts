import { z } from 'zod';
import { poolSiteEnum } from '@/db/schema/enums';

// The answer of GET /api/v1/pools, as a zod schema for the OpenAPI document (lib/api/openapi.ts);
// get-pools.test.ts checks the use case's output fits it.

const whole = z.number().int().nonnegative();
const measured = z.number().nonnegative().describe('one decimal');

export const poolView = z.object({
  id: z.string(),
  name: z.string(),
  site: z.enum(poolSiteEnum.enumValues).describe('`primary` data centre or `dr` (재해복구) site'),
  capacity: z
    .object({ vcpu: whole, ramGb: whole, storageGb: whole })
    .describe('sellable capacity: vCPU = physical cores × overcommit ratio'),
  allocated: z
    .object({ vcpu: whole, ramGb: whole, storageGb: whole })
    .describe('Σ footprint of the resources that hold capacity (provisioning, active, decommissioning)'),
  used: z
    .object({ vcpu: measured, ramGb: measured, storageGb: measured })
    .describe('what the cloud reports in use now: vCPU = Σ allocated vCPU × CPU %, RAM and disk in use'),
});

export const poolList = z.object({
  items: z.array(poolView),
  nextCursor: z.null().describe('always null: every pool fits on one page'),
  measuredAt: z.iso.datetime({ offset: true }).describe('when `used` was read from the cloud'),
});

export type PoolView = z.output<typeof poolView>;
export type PoolList = z.output<typeof poolList>;
