import { z } from 'zod';

// What a closed month's report holds (monthly_reports.figures): written once by close-month.ts and
// read back as it is — the report never recomputes, so a later change to the history, the assumptions
// or the departments leaves a closed month's figures alone. Also the schema of the reports API.

const krw = z.number().int().describe('integer KRW');
const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe('YYYY-MM');
const pct = z.number().nullable();
const fill = z.object({
  method: z.enum(['linear', 'compound']),
  growth: z.number().nullable().describe('linear: units a month; compound: growth a month as a fraction'),
  status: z.enum(['full', 'fills', 'beyond', 'flat', 'insufficient', 'noCapacity']),
  fillMonth: month.nullable(),
  monthsLeft: z.number().int().nullable(),
});
const savings = z.object({ standaloneKrw: krw, sharedKrw: krw, savedKrw: krw, savingsPct: pct });

export const reportFigures = z.object({
  version: z.literal(1),
  month,
  computedAt: z.iso.datetime({ offset: true }),
  showback: z.object({
    totals: z.object({ byAllocationKrw: krw, byUsageKrw: krw }),
    departments: z.array(
      z.object({
        departmentId: z.string(),
        code: z.string(),
        nameKo: z.string(),
        nameEn: z.string(),
        systems: z.number().int(),
        byAllocationKrw: krw,
        byUsageKrw: krw,
      }),
    ),
    systems: z.array(
      z.object({
        systemId: z.string(),
        code: z.string(),
        name: z.string(),
        departmentId: z.string(),
        byAllocationKrw: krw,
        byUsageKrw: krw,
      }),
    ),
  }),
  savings: z.object({
    month: savings,
    cumulative: savings.extend({ from: month }),
  }),
  runway: z.object({
    asOf: month,
    windowMonths: z.number().int(),
    method: z.enum(['linear', 'compound']),
    thresholdPct: z.number().int(),
    horizonMonths: z.number().int(),
    pools: z.array(
      z.object({
        poolId: z.string(),
        poolName: z.string(),
        capacitySource: z.enum(['investments', 'pool']),
        systems: z.number().int(),
        dimensions: z.array(
          z.object({
            dimension: z.enum(['vcpu', 'ramGb', 'storageGb']),
            capacity: z.number(),
            threshold: z.number(),
            current: z.number(),
            utilisationPct: pct,
            window: z.object({ from: month, to: month, months: z.number().int() }).nullable(),
            linear: fill,
            compound: fill,
          }),
        ),
        retirements: z.array(
          z.object({
            investedOn: z.string(),
            description: z.string(),
            outOfServiceFrom: month,
            amountKrw: krw,
          }),
        ),
        series: z.array(
          z.object({
            month,
            kind: z.enum(['actual', 'forecast']),
            vcpuPct: pct,
            ramGbPct: pct,
            storageGbPct: pct,
          }),
        ),
      }),
    ),
    assumptions: z
      .object({
        setVersion: z.number().int(),
        setName: z.string(),
        cpuOvercommitPct: z.number(),
        hardwareLifetimeYears: z.number(),
      })
      .nullable(),
  }),
});
export type ReportFigures = z.infer<typeof reportFigures>;

/** A closed month as the API answers it. */
export const monthlyReportView = z.object({
  month,
  closedAt: z.iso.datetime({ offset: true }),
  closedBy: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('null: closed by the scheduled job'),
  figures: reportFigures,
});
export type MonthlyReportView = z.infer<typeof monthlyReportView>;

/** GET /api/v1/reports */
export const monthlyReportList = z.object({
  items: z.array(
    monthlyReportView.omit({ figures: true }).extend({
      totals: z.object({ byAllocationKrw: krw, byUsageKrw: krw }),
    }),
  ),
  nextCursor: z.null(),
});
export type MonthlyReportList = z.infer<typeof monthlyReportList>;

/** POST /api/v1/reports body */
export const closeMonthInput = z.object({
  month: z
    .string()
    .trim()
    .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, { error: 'validation.date' })
    .describe('YYYY-MM, a month that is over'),
});
