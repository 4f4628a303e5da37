import { z } from 'zod';

// The answer of GET /api/v1/dashboards/utilisation, as the OpenAPI document describes it.

const figures = z.object({ vcpu: z.number(), ramGb: z.number(), storageGb: z.number() });

export const utilisationView = z.object({
  from: z.string().describe('the first bucket’s start, ISO-8601 with the Seoul offset'),
  to: z.string().describe('the end of the last bucket (excluded)'),
  granularity: z.enum(['hour', 'day', 'month']),
  timeZone: z.literal('Asia/Seoul'),
  scope: z.object({
    poolId: z.string().nullable(),
    departmentId: z.string().nullable(),
    systemId: z.string().nullable(),
  }),
  series: z.array(
    z.object({
      at: z.string().describe('the bucket’s start'),
      label: z.string().describe('2026-03, 2026-03-05 or 2026-03-05 14:00 (Seoul)'),
      capacity: figures.describe(
        'the pools in scope at the end of the bucket: vCPU (cores × overcommit), GB',
      ),
      allocated: figures
        .nullable()
        .describe('average allocated over the bucket; null where nothing was recorded'),
      used: figures.nullable().describe('average in use: vCPU busy, RAM and disk in use (GB)'),
      sources: z.array(z.enum(['metering', 'history'])),
    }),
  ),
});
