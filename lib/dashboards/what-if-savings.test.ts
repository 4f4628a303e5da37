import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { costAssumptionSets } from '@/db/schema/costs';
import { auditLog } from '@/db/schema/requests';
import { appErrorOf, demoActor, fieldErrorsOf } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { type WhatIfForm, whatIfFormValues, whatIfInput } from './what-if-input';
import { whatIfSavings } from './what-if-savings';

const scope = { from: '2016-01-01', to: '2021-12-31' };

describe('whatIfSavings', () => {
  let planner: Actor;
  let saved: WhatIfForm;

  beforeAll(async () => {
    planner = await demoActor('planner@dcloud.example');
    const inputs = await loadCostInputs();
    saved = whatIfFormValues(inputs.sets[0]!.assumptions);
  });

  const run = (patch: Partial<WhatIfForm>) =>
    whatIfSavings({
      actor: planner,
      input: whatIfInput.parse({ scope, assumptions: { ...saved, ...patch } }),
    });

  it('changes nothing when nothing is changed', async () => {
    const result = await run({});
    expect(result.changed).toEqual([]);
    expect(result.whatIf).toEqual(result.saved);
    expect(result.saved.savingsPct).toBe(42.4);
  });

  it.each([
    // docs/cost-model.md, "Sensitivity" (2016–2021)
    { label: 'a 90 % sellable share', patch: { sellablePct: '90' }, pct: 48.1, changed: ['sellablePct'] },
    { label: 'a 3 : 1 overcommit', patch: { cpuOvercommit: '3' }, pct: 35.5, changed: ['cpuOvercommit'] },
    {
      label: 'a 5-year lifetime',
      patch: { hardwareLifetimeYears: '5' },
      pct: 37.2,
      changed: ['hardwareLifetimeYears'],
    },
    {
      label: 'a design cost of 15,000,000',
      patch: { designProcurementKrw: '15000000' },
      pct: 38.5,
      changed: ['designProcurementKrw'],
    },
    {
      label: 'an opex of 264,000,000',
      patch: { opexPerYearKrw: { 'dc-primary': '264000000' } },
      pct: 41,
      changed: ['opexPerYearKrw'],
    },
  ])('recomputes with $label', async ({ patch, pct, changed }) => {
    const result = await run(patch as Partial<WhatIfForm>);
    expect(result.changed).toEqual(changed);
    expect(result.saved.savingsPct).toBe(42.4);
    expect(result.whatIf.savingsPct).toBe(pct);
    expect(result.whatIf.byYear.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
  });

  it('prices servers by class and moves the standalone side only', async () => {
    const prices = Object.fromEntries(
      Object.entries(saved.serverPrices).map(([id, p]) => [id, String(Math.round(Number(p) * 1.1))]),
    );
    const result = await run({ serverPrices: prices });
    expect(result.changed).toEqual(['serverPrices']);
    expect(result.whatIf.sharedKrw).toBe(result.saved.sharedKrw);
    expect(result.whatIf.standaloneKrw).toBeGreaterThan(result.saved.standaloneKrw);
    expect(result.whatIf.savingsPct).toBe(43.9);
  });

  it('saves nothing', async () => {
    const before = await Promise.all([
      getDb().select({ n: count() }).from(costAssumptionSets),
      getDb().select({ n: count() }).from(auditLog),
    ]);
    await run({ facilityPerServerYearKrw: '2480000', sellablePct: '70' });
    const after = await Promise.all([
      getDb().select({ n: count() }).from(costAssumptionSets),
      getDb().select({ n: count() }).from(auditLog),
    ]);
    expect(after).toEqual(before);
    expect((await run({})).whatIf.savingsPct).toBe(42.4);
  });

  it.each([
    { field: 'sellablePct', value: '0' },
    { field: 'sellablePct', value: '101' },
    { field: 'hardwareLifetimeYears', value: '2.5' },
    { field: 'facilityPerServerYearKrw', value: '-1' },
    { field: 'facilityPerServerYearKrw', value: '238만' },
    { field: 'cpuOvercommit', value: '0.5' },
    { field: 'cpuOvercommit', value: '4.125' },
    { field: 'onboardingPerSystemKrw', value: '' },
  ])('refuses $field = "$value" with a field error', ({ field, value }) => {
    const parsed = whatIfInput.safeParse({ scope, assumptions: { ...saved, [field]: value } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [`assumptions.${field}`, 'validation.integer'],
    ]);
  });

  it('names a server class or pool the saved set does not have', async () => {
    const error = await appErrorOf(run({ serverPrices: { ...saved.serverPrices, 'made-up': '1' } }));
    expect(error.code).toBe('bad_request');
    expect(fieldErrorsOf(error)).toEqual({ 'assumptions.serverPrices.made-up': ['validation.choice'] });
  });

  it('refuses a period that ends before it starts', async () => {
    const error = await appErrorOf(
      whatIfSavings({
        actor: planner,
        input: whatIfInput.parse({ scope: { from: '2020-01-01', to: '2019-12-31' }, assumptions: saved }),
      }),
    );
    expect(fieldErrorsOf(error)).toEqual({ 'scope.to': ['validation.dateOrder'] });
  });

  it('is not for requesters', async () => {
    const staff = await demoActor('staff@dcloud.example');
    const error = await appErrorOf(
      whatIfSavings({ actor: staff, input: whatIfInput.parse({ scope, assumptions: saved }) }),
    );
    expect(error.code).toBe('forbidden');
  });
});
