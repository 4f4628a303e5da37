import { getPool } from '@/db';

// Figures computed from the cost model's inputs (assumption sets, pools and their investments,
// departments, business systems, cost profiles, monthly allocations) are cached per process and
// checked on every read against the inputs' version: a row that a trigger moves to a fresh sequence
// value in every transaction that writes one of those tables (db/migrations/0009_cost_inputs_version.sql).
// So an admin's edit, a new investment or the allocation roll-up is seen by the next request of every
// instance, and nothing another instance needs lives only in this process.

/** The cost inputs' current version; read it before the inputs, so a cached value is never older than its key. */
export async function readCostInputsVersion(): Promise<string> {
  const { rows } = await getPool().query<{ version: string }>(
    'select version::text as version from cost_inputs_version',
  );
  return rows[0]?.version ?? '0';
}

/** A small cache of values computed from the cost inputs; everything in it is dropped when the version moves. */
export type VersionedCache<T> = {
  get: (version: string, key: string) => T | undefined;
  /** kept only if `version` is still the one the cache holds (a slower reader never overwrites a newer state) */
  set: (version: string, key: string, value: T) => void;
};

export function versionedCache<T>(maxEntries = 64): VersionedCache<T> {
  let current: string | null = null;
  const entries = new Map<string, T>();
  const at = (version: string) => {
    if (version !== current) {
      entries.clear();
      current = version;
    }
  };
  return {
    get(version, key) {
      at(version);
      const value = entries.get(key);
      if (value !== undefined) {
        // most recently used last
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(version, key, value) {
      if (version !== current) return;
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
