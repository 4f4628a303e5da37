import type { CostAssumptions } from './assumptions-schema';
import { type CostInputs, setLookup } from './cost-inputs';

type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Changes to the assumptions a planner tries without saving them; arrays and records replace whole. */
export type AssumptionOverrides = DeepPartial<CostAssumptions>;

function merge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (
    Array.isArray(patch) ||
    typeof patch !== 'object' ||
    patch === null ||
    typeof base !== 'object' ||
    base === null
  )
    return patch as T;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) out[key] = merge(out[key], value);
  return out as T;
}

export type WhatIfOptions = {
  inputs: CostInputs;
  overrides: AssumptionOverrides;
  /** only the sets in force from this date on (YYYY-MM-DD); every set when absent */
  from?: string;
};

/**
 * 가정 변경 (what-if): the same inputs with the overrides applied to every assumption set (or to the
 * ones in force from `from` on). Nothing is saved; the engine computes the figure anew.
 */
export function applyWhatIf({ inputs, overrides, from }: WhatIfOptions): CostInputs {
  const firstAffected = from ? setLookup(inputs.sets)(from) : null;
  return {
    ...inputs,
    sets: inputs.sets.map((set) =>
      firstAffected && set.effectiveFrom < firstAffected.effectiveFrom
        ? set
        : { ...set, assumptions: merge(set.assumptions, overrides) },
    ),
  };
}
