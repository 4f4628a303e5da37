import { z } from 'zod';

/** Options a spec chooses from, loaded from the catalogue tables. */
export type CatalogOptions = {
  flavors: { id: string; name: string; vcpu: number; ramGb: number }[];
  images: { id: string; name: string; licenseMonthlyKrw: number }[];
  runtimes: { id: string; name: string }[];
};

export const LIMITS = {
  diskGb: { min: 20, max: 2048 },
  volumeGb: { min: 10, max: 10240 },
  instances: { min: 1, max: 20 },
  cpu: { min: 1, max: 16 },
  memory: { min: 1, max: 64 },
} as const;

const hostname = z
  .string({ error: 'validation.hostname' })
  .regex(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/, { error: 'validation.hostname' });

/** One of the catalogue's option ids (an empty list accepts nothing). */
function choice(ids: string[]) {
  return z.enum(ids as [string, ...string[]], { error: 'validation.choice' });
}

function intIn(limit: { min: number; max: number }, key: string) {
  return z
    .number({ error: 'validation.integer' })
    .int({ error: 'validation.integer' })
    .min(limit.min, { error: key })
    .max(limit.max, { error: key });
}

const schemasByOptions = new WeakMap<CatalogOptions, ReturnType<typeof buildSpecSchemas>>();

/** The spec schema of each kind under these options, built once per options value (they are cached reference data). */
export function specSchemas(options: CatalogOptions) {
  let schemas = schemasByOptions.get(options);
  if (!schemas) {
    schemas = buildSpecSchemas(options);
    schemasByOptions.set(options, schemas);
  }
  return schemas;
}

/** The zod schema of each kind's `spec`; its JSON Schema (with defaults) is what the catalogue API publishes. */
function buildSpecSchemas(options: CatalogOptions) {
  const firstOr = <T extends { id: string }>(list: T[], preferred: string) =>
    list.find((x) => x.id === preferred)?.id ?? list[0]?.id ?? '';
  return {
    vm: z.object({
      name: hostname.describe('hostname'),
      flavor: choice(options.flavors.map((f) => f.id)).default(firstOr(options.flavors, 'c2m4')),
      image: choice(options.images.map((i) => i.id)).default(firstOr(options.images, 'rocky-9')),
      diskGb: intIn(LIMITS.diskGb, 'validation.diskGb').default(100),
    }),
    platform_slot: z.object({
      name: hostname.describe('namespace name'),
      runtime: choice(options.runtimes.map((r) => r.id)).default(firstOr(options.runtimes, 'egovframe-4')),
      instances: intIn(LIMITS.instances, 'validation.instances').default(2),
      cpuPerInstance: intIn(LIMITS.cpu, 'validation.cpu').default(1),
      memoryGbPerInstance: intIn(LIMITS.memory, 'validation.memory').default(2),
    }),
    volume: z.object({
      name: hostname.describe('volume name'),
      sizeGb: intIn(LIMITS.volumeGb, 'validation.sizeGb').default(100),
    }),
  };
}

export type SpecSchemas = ReturnType<typeof specSchemas>;
export type RequestableKind = keyof SpecSchemas;
export type VmSpec = z.output<SpecSchemas['vm']>;
export type PlatformSlotSpec = z.output<SpecSchemas['platform_slot']>;
export type VolumeSpec = z.output<SpecSchemas['volume']>;
export type AnySpec = VmSpec | PlatformSlotSpec | VolumeSpec;

export function isRequestableKind(kind: string): kind is RequestableKind {
  return kind === 'vm' || kind === 'platform_slot' || kind === 'volume';
}
