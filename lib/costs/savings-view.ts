import { z } from 'zod';
import { environmentEnum } from '@/db/schema/enums';
import { costAssumptions } from './assumptions-schema';

// The answer of GET /api/v1/dashboards/savings, as a zod schema for the OpenAPI document
// (lib/api/openapi.ts); get-savings-dashboard.test.ts checks the use case's output fits it.

const krw = z.number().int().describe('integer KRW');
const pct = z
  .number()
  .nullable()
  .describe('절감률, one decimal (42.4); null when there is no standalone cost');
const units = (t: z.ZodType) => z.object({ vcpu: t, ramGb: t, storageGb: t, platformSlot: t });

const standaloneLines = z.object({
  serversKrw: krw,
  storageKrw: krw,
  licenceKrw: krw,
  facilityKrw: krw,
  designKrw: krw.describe('design and procurement, once per build'),
});
const sharedLines = z.object({
  vcpuKrw: krw,
  ramGbKrw: krw,
  storageGbKrw: krw,
  platformSlotKrw: krw,
  onboardingKrw: krw,
});
const totals = { standaloneKrw: krw, sharedKrw: krw, savedKrw: krw, savingsPct: pct };

const systemSavings = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  poolId: z.string(),
  movedOn: z.iso.date().describe('first day of the month it moved onto the cloud'),
  environment: z.enum(environmentEnum.enumValues),
  peak: z.object({ vcpu: z.number().int(), ramGb: z.number().int(), storageGb: z.number().int() }),
  ...totals,
  leadTimeSavedDays: z.number().int(),
  standalone: z.object({
    lines: standaloneLines,
    purchases: z.array(
      z.object({
        month: z.string(),
        setVersion: z.number().int(),
        sizing: z.object({
          serverClass: z.object({
            id: z.string(),
            name: z.string(),
            cores: z.number().int(),
            ramGb: z.number().int(),
            priceKrw: krw,
          }),
          servers: z.number().int(),
          storageGb: z.number().int(),
          neededCores: z.number().int(),
          neededRamGb: z.number().int(),
        }),
      }),
    ),
  }),
  shared: z.object({ lines: sharedLines }),
});

export const savingsView = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    departmentId: z.string().nullable(),
    systemId: z.string().nullable(),
    ...totals,
    leadTimeSavedDays: z.number().int().describe('Σ (procurement lead time − lead time on the cloud)'),
    systemCount: z.number().int().describe('systems on the cloud in the period and the scope'),
    breakdown: z.object({ standalone: standaloneLines, shared: sharedLines }),
    byYear: z.array(z.object({ year: z.number().int(), ...totals })),
    pools: z.array(
      z.object({
        poolId: z.string(),
        poolName: z.string(),
        costKrw: krw.describe('amortised capex + opex over the period'),
        chargedKrw: krw.describe('unit charges of every system on the pool'),
        idleKrw: krw.describe('cost no system was charged for (unallocated capacity, failover reserve)'),
      }),
    ),
    assumptions: z.object({
      rounding: z.string(),
      formulas: z.record(z.string(), z.string()),
      sets: z.array(
        z.object({
          version: z.number().int(),
          name: z.string(),
          effectiveFrom: z.iso.date(),
          assumptions: costAssumptions,
        }),
      ),
      investments: z.array(
        z.object({
          poolId: z.string(),
          poolName: z.string(),
          investedOn: z.iso.date(),
          amountKrw: krw,
          description: z.string(),
          capacity: z.object({
            physicalCores: z.number().int(),
            ramGb: z.number().int(),
            storageGb: z.number().int(),
            platformSlots: z.number().int(),
          }),
          lifetimeYears: z.number().int(),
          amortisedInPeriodKrw: krw,
        }),
      ),
      unitRates: z
        .array(
          z.object({
            poolId: z.string(),
            month: z.string(),
            setVersion: z.number().int(),
            capexKrw: krw,
            opexKrw: krw,
            sellable: units(z.number()),
            rates: units(z.number().describe('KRW per unit-month, two decimals')),
          }),
        )
        .optional()
        .describe('with `detail=rates`'),
    }),
    systems: z.array(systemSavings).optional().describe('with `detail=systems`'),
  })
  .describe('Savings of the shared cloud against standalone builds (절감액 / 절감률), with their inputs.');
export type SavingsView = z.input<typeof savingsView>;
