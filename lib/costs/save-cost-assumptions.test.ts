import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema/requests';
import { demoCostAssumptionSet } from '@/db/seed/demo-history-data';
import { appErrorOf, demoActor, fieldErrorsOf } from '@/lib/admin/test-helpers';
import { costAssumptionsInput } from './assumptions-schema';
import { loadCostInputs } from './load-cost-inputs';
import { recordPoolInvestment } from './record-pool-investment';
import { saveCostAssumptions } from './save-cost-assumptions';

// Far-future dates, so what these tests save never touches the demo's 2016–2021 figures.
const input = (overrides: Record<string, unknown> = {}) =>
  costAssumptionsInput.parse({
    name: '2090년 기준',
    effectiveFrom: '2090-01-01',
    assumptions: {
      ...demoCostAssumptionSet.assumptions,
      standalone: { ...demoCostAssumptionSet.assumptions.standalone, licencePerServerYearKrw: 4_000_000 },
    },
    ...overrides,
  });

describe('saveCostAssumptions', () => {
  it('saves a new version in force from its date, keeps the old ones, and audits it', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const { version } = await saveCostAssumptions({ actor: admin, input: input() });
    expect(version).toBeGreaterThan(1);
    const { sets } = await loadCostInputs();
    expect(sets.find((s) => s.version === 1)?.effectiveFrom).toBe('2016-01-01');
    expect(sets.find((s) => s.version === version)).toMatchObject({
      effectiveFrom: '2090-01-01',
      assumptions: { standalone: { licencePerServerYearKrw: 4_000_000 } },
    });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(version)), eq(auditLog.action, 'cost_assumptions.saved')));
    expect(audit).toMatchObject({ actorId: admin.id });
  });

  it('is for admins only', async () => {
    const planner = await demoActor('planner@dcloud.example');
    expect((await appErrorOf(saveCostAssumptions({ actor: planner, input: input() }))).code).toBe(
      'forbidden',
    );
  });

  it('refuses opex for a pool that does not exist, naming the field', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const bad = input();
    bad.assumptions.shared.opexPerYearKrw = { 'no-such-pool': 1 };
    const error = await appErrorOf(saveCostAssumptions({ actor: admin, input: bad }));
    expect(fieldErrorsOf(error)).toHaveProperty(['assumptions.shared.opexPerYearKrw.no-such-pool']);
  });

  it.each([
    {
      label: 'cost shares that do not add up to 100',
      patch: { costSharePct: { vcpu: 50, ramGb: 50, storageGb: 50, platformSlot: 0 } },
    },
    { label: 'a sellable share above 100 %', patch: { sellablePct: 120 } },
    { label: 'a fractional amount', patch: { onboardingPerSystemKrw: 1.5 } },
  ])('refuses $label', ({ patch }) => {
    const raw = {
      ...input(),
      assumptions: { ...input().assumptions, shared: { ...input().assumptions.shared, ...patch } },
    };
    expect(costAssumptionsInput.safeParse(raw).success).toBe(false);
  });
});

describe('recordPoolInvestment', () => {
  const investment = {
    poolId: 'dc-dr',
    investedOn: '2095-03-02',
    amountKrw: 900_000_000,
    description: '원격지 재해복구센터 구축',
    physicalCores: 64,
    ramGb: 1_024,
    storageGb: 50_000,
    platformSlots: 0,
  };

  it('records capex and the capacity it bought, once per pool and day', async () => {
    const admin = await demoActor('admin@dcloud.example');
    await recordPoolInvestment({ actor: admin, input: investment });
    const dr = (await loadCostInputs()).pools.find((p) => p.id === 'dc-dr')!;
    expect(dr.investments).toContainEqual(
      expect.objectContaining({ investedOn: '2095-03-02', amountKrw: 900_000_000 }),
    );
    expect((await appErrorOf(recordPoolInvestment({ actor: admin, input: investment }))).code).toBe(
      'conflict',
    );
  });

  it('refuses an unknown pool and anyone but an admin', async () => {
    const admin = await demoActor('admin@dcloud.example');
    const planner = await demoActor('planner@dcloud.example');
    const unknown = await appErrorOf(
      recordPoolInvestment({ actor: admin, input: { ...investment, poolId: 'nowhere' } }),
    );
    expect(fieldErrorsOf(unknown)).toHaveProperty(['poolId']);
    expect((await appErrorOf(recordPoolInvestment({ actor: planner, input: investment }))).code).toBe(
      'forbidden',
    );
  });
});
