import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { computeSavings, type SavingsResult } from '@/lib/costs/compute-savings';
import { setLookup } from '@/lib/costs/cost-inputs';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { applyWhatIf } from '@/lib/costs/what-if';
import { AppError } from '@/lib/errors/app-error';
import { type WhatIfInput, whatIfOverrides } from './what-if-input';

/** The figures a what-if compares: headline and per year. */
export type WhatIfFigures = Pick<
  SavingsResult,
  'standaloneKrw' | 'sharedKrw' | 'savedKrw' | 'savingsPct' | 'leadTimeSavedDays' | 'byYear'
>;

export type WhatIfSavings = {
  /** the saved set the changes were made against */
  reference: { version: number; name: string; effectiveFrom: string };
  /** the assumptions that differ from it (what-if-input.ts field names) */
  changed: string[];
  saved: WhatIfFigures;
  whatIf: WhatIfFigures;
};

export type WhatIfSavingsOptions = { actor: Actor; input: WhatIfInput };

const figures = (r: SavingsResult): WhatIfFigures => ({
  standaloneKrw: r.standaloneKrw,
  sharedKrw: r.sharedKrw,
  savedKrw: r.savedKrw,
  savingsPct: r.savingsPct,
  leadTimeSavedDays: r.leadTimeSavedDays,
  byYear: r.byYear,
});

/**
 * 가정 변경: the dashboard's figures for its scope under the saved assumptions and under the ones the
 * planner tries (lib/costs/what-if.ts applies them to every set). Reads only; nothing is saved.
 */
export async function whatIfSavings({ actor, input }: WhatIfSavingsOptions): Promise<WhatIfSavings> {
  requirePermission(actor, 'dashboards:read');
  const { scope } = input;
  if (scope.from > scope.to)
    throw new AppError('bad_request', { details: { fieldErrors: { 'scope.to': ['validation.dateOrder'] } } });

  // Phase 1: the inputs and the set the form started from
  const period = { from: scope.from, to: scope.to };
  const inputs = await loadCostInputs({ period });
  if (inputs.sets.length === 0) throw new AppError('rule', { log: 'no cost assumption set' });
  const reference = setLookup(inputs.sets)(scope.to);
  const { overrides, changed, fieldErrors } = whatIfOverrides(input.assumptions, reference.assumptions);
  if (Object.keys(fieldErrors).length) throw new AppError('bad_request', { details: { fieldErrors } });

  // Phase 2: the engine twice over the same months — as saved, and with the overrides
  const query = { period, departmentId: scope.departmentId, systemId: scope.systemId };
  const saved = computeSavings({ inputs, ...query });
  const whatIf = changed.length
    ? computeSavings({ inputs: applyWhatIf({ inputs, overrides }), ...query })
    : saved;
  return {
    reference: { version: reference.version, name: reference.name, effectiveFrom: reference.effectiveFrom },
    changed,
    saved: figures(saved),
    whatIf: figures(whatIf),
  };
}
