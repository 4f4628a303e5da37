import { z } from 'zod';
import type { CostAssumptions } from '@/lib/costs/assumptions-schema';
import type { AssumptionSet } from '@/lib/costs/cost-inputs';
import type { AssumptionOverrides } from '@/lib/costs/what-if';

// 가정 변경 (what-if): the few assumptions a planner may try on the savings dashboard, as the form
// sends them (text from number inputs), and the overrides they make against the saved set.

/** Each field's allowed range (the form shows it; the schema enforces it). */
export const whatIfLimits = {
  hardwareLifetimeYears: { min: 1, max: 15 },
  serverPriceKrw: { min: 0, max: 10_000_000_000 },
  headroomPct: { min: 0, max: 500 },
  licencePerServerYearKrw: { min: 0, max: 1_000_000_000 },
  facilityPerServerYearKrw: { min: 0, max: 1_000_000_000 },
  designProcurementKrw: { min: 0, max: 10_000_000_000 },
  cpuOvercommit: { min: 1, max: 50 },
  sellablePct: { min: 1, max: 100 },
  opexPerYearKrw: { min: 0, max: 1_000_000_000_000 },
  onboardingPerSystemKrw: { min: 0, max: 10_000_000_000 },
} as const;

type Limit = { min: number; max: number };

/** A whole number typed into a form (digits only), inside its limits. */
const whole = ({ min, max }: Limit) =>
  z
    .string({ error: 'validation.integer' })
    .trim()
    .regex(/^\d{1,15}$/, { error: 'validation.integer' })
    .transform(Number)
    .pipe(
      z.number().int().min(min, { error: 'validation.integer' }).max(max, { error: 'validation.integer' }),
    );

/** CPU overcommit as a ratio (4 or 2.5 for 4 : 1, 2.5 : 1), up to two decimals, stored ×100. */
const ratio = ({ min, max }: Limit) =>
  z
    .string({ error: 'validation.integer' })
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: 'validation.integer' })
    .transform((v) => Math.round(Number(v) * 100))
    .pipe(
      z
        .number()
        .min(min * 100, { error: 'validation.integer' })
        .max(max * 100, { error: 'validation.integer' }),
    );

const id = z.string().regex(/^[a-z0-9-]{1,100}$/, { error: 'validation.choice' });

export const whatIfAssumptions = z.object({
  hardwareLifetimeYears: whole(whatIfLimits.hardwareLifetimeYears),
  serverPrices: z.record(id, whole(whatIfLimits.serverPriceKrw)),
  headroomPct: whole(whatIfLimits.headroomPct),
  licencePerServerYearKrw: whole(whatIfLimits.licencePerServerYearKrw),
  facilityPerServerYearKrw: whole(whatIfLimits.facilityPerServerYearKrw),
  designProcurementKrw: whole(whatIfLimits.designProcurementKrw),
  cpuOvercommit: ratio(whatIfLimits.cpuOvercommit),
  sellablePct: whole(whatIfLimits.sellablePct),
  opexPerYearKrw: z.record(id, whole(whatIfLimits.opexPerYearKrw)),
  onboardingPerSystemKrw: whole(whatIfLimits.onboardingPerSystemKrw),
});
export type WhatIfAssumptions = z.output<typeof whatIfAssumptions>;
/** What the form sends: every field as typed. */
export type WhatIfForm = z.input<typeof whatIfAssumptions>;

const isoDate = z.iso.date({ error: 'validation.date' });

/** The server action's input: the dashboard's scope and the assumptions tried. */
export const whatIfInput = z.object({
  scope: z.object({
    from: isoDate,
    to: isoDate,
    departmentId: z.uuid({ error: 'validation.choice' }).optional(),
    systemId: z.uuid({ error: 'validation.choice' }).optional(),
  }),
  assumptions: whatIfAssumptions,
});
export type WhatIfInput = z.output<typeof whatIfInput>;

/** The set the form starts from: the one in force at the end of the period (else the earliest). */
export function referenceSet<S extends Pick<AssumptionSet, 'effectiveFrom' | 'version'>>(
  sets: S[],
  to: string,
): S {
  const sorted = [...sets].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );
  return sorted.filter((s) => s.effectiveFrom <= to).at(-1) ?? sorted[0]!;
}

/** The form's starting values: the reference set's assumptions as text. */
export function whatIfFormValues(a: CostAssumptions): WhatIfForm {
  const text = (n: number) => String(n);
  return {
    hardwareLifetimeYears: text(a.hardwareLifetimeYears),
    serverPrices: Object.fromEntries(a.standalone.serverClasses.map((c) => [c.id, text(c.priceKrw)])),
    headroomPct: text(a.standalone.headroomPct),
    licencePerServerYearKrw: text(a.standalone.licencePerServerYearKrw),
    facilityPerServerYearKrw: text(a.standalone.facilityPerServerYearKrw),
    designProcurementKrw: text(a.standalone.designProcurementKrw),
    cpuOvercommit: text(a.shared.cpuOvercommitPct / 100),
    sellablePct: text(a.shared.sellablePct),
    opexPerYearKrw: Object.fromEntries(Object.entries(a.shared.opexPerYearKrw).map(([k, v]) => [k, text(v)])),
    onboardingPerSystemKrw: text(a.shared.onboardingPerSystemKrw),
  };
}

/**
 * Only what the planner changed against the reference set becomes an override (so an untouched field
 * never rewrites an older set that differed); field paths that name an unknown server class or pool
 * are reported as errors.
 */
export function whatIfOverrides(
  input: WhatIfAssumptions,
  base: CostAssumptions,
): { overrides: AssumptionOverrides; changed: string[]; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const changed: string[] = [];
  const standalone: NonNullable<AssumptionOverrides['standalone']> = {};
  const shared: NonNullable<AssumptionOverrides['shared']> = {};
  const overrides: AssumptionOverrides = {};

  if (input.hardwareLifetimeYears !== base.hardwareLifetimeYears) {
    overrides.hardwareLifetimeYears = input.hardwareLifetimeYears;
    changed.push('hardwareLifetimeYears');
  }
  const classes = base.standalone.serverClasses;
  for (const key of Object.keys(input.serverPrices))
    if (!classes.some((c) => c.id === key))
      fieldErrors[`assumptions.serverPrices.${key}`] = ['validation.choice'];
  if (
    classes.some((c) => input.serverPrices[c.id] !== undefined && input.serverPrices[c.id] !== c.priceKrw)
  ) {
    // arrays replace whole: the reference set's classes with the prices tried
    standalone.serverClasses = classes.map((c) => ({
      ...c,
      priceKrw: input.serverPrices[c.id] ?? c.priceKrw,
    }));
    changed.push('serverPrices');
  }
  for (const key of [
    'headroomPct',
    'licencePerServerYearKrw',
    'facilityPerServerYearKrw',
    'designProcurementKrw',
  ] as const) {
    if (input[key] !== base.standalone[key]) {
      standalone[key] = input[key];
      changed.push(key);
    }
  }
  if (input.cpuOvercommit !== base.shared.cpuOvercommitPct) {
    shared.cpuOvercommitPct = input.cpuOvercommit;
    changed.push('cpuOvercommit');
  }
  if (input.sellablePct !== base.shared.sellablePct) {
    shared.sellablePct = input.sellablePct;
    changed.push('sellablePct');
  }
  const opex = base.shared.opexPerYearKrw;
  for (const key of Object.keys(input.opexPerYearKrw))
    if (!(key in opex)) fieldErrors[`assumptions.opexPerYearKrw.${key}`] = ['validation.choice'];
  if (Object.entries(input.opexPerYearKrw).some(([k, v]) => k in opex && opex[k] !== v)) {
    // records replace whole too
    shared.opexPerYearKrw = { ...opex, ...input.opexPerYearKrw };
    changed.push('opexPerYearKrw');
  }
  if (input.onboardingPerSystemKrw !== base.shared.onboardingPerSystemKrw) {
    shared.onboardingPerSystemKrw = input.onboardingPerSystemKrw;
    changed.push('onboardingPerSystemKrw');
  }
  if (Object.keys(standalone).length) overrides.standalone = standalone;
  if (Object.keys(shared).length) overrides.shared = shared;
  return { overrides, changed, fieldErrors };
}
