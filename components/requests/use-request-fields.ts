'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { estimateMonthlyKrw, footprint, type RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { specSchemas } from '@/lib/catalog/spec-schemas';
import { zodDetails } from '@/lib/errors/zod-details';
import { validationValues } from '@/lib/i18n/validation-values';

export type RequestKind = 'vm' | 'platform_slot' | 'volume';

/** Every control of the request form, as the text the inputs hold. */
export type RequestValues = {
  name: string;
  flavor: string;
  image: string;
  diskGb: string;
  runtime: string;
  instances: string;
  cpuPerInstance: string;
  memoryGbPerInstance: string;
  sizeGb: string;
  system: string;
  systemName: string;
  environment: 'dev' | 'staging' | 'prod';
  purpose: string;
  leaseUntil: string;
  drTier: 'none' | 'backup' | 'replicated';
};

/** The fields of each kind in screen order; their error keys are `spec.<field>`. */
const specFields: Record<RequestKind, (keyof RequestValues)[]> = {
  vm: ['name', 'flavor', 'image', 'diskGb'],
  platform_slot: ['name', 'runtime', 'instances', 'cpuPerInstance', 'memoryGbPerInstance'],
  volume: ['name', 'sizeGb'],
};
const commonFields = ['systemId', 'systemName', 'environment', 'purpose', 'leaseUntil', 'drTier'] as const;

const str = (v: unknown, fallback = '') => (v === undefined || v === null ? fallback : String(v));
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The id of a field's control, from its error key ('spec.diskGb' → 'f-spec-diskGb'). */
export const fieldId = (key: string) => `f-${key.replace(/\./g, '-')}`;

export function specOf(kind: RequestKind, v: RequestValues): Record<string, unknown> {
  switch (kind) {
    case 'vm':
      return { name: v.name.trim(), flavor: v.flavor, image: v.image, diskGb: num(v.diskGb) };
    case 'platform_slot':
      return {
        name: v.name.trim(),
        runtime: v.runtime,
        instances: num(v.instances),
        cpuPerInstance: num(v.cpuPerInstance),
        memoryGbPerInstance: num(v.memoryGbPerInstance),
      };
    case 'volume':
      return { name: v.name.trim(), sizeGb: num(v.sizeGb) };
  }
}

/**
 * The starting values: a spec (the catalogue item's defaults, or the request being revised) and,
 * when revising, its environment, purpose, lease and DR tier.
 */
export function initialValues(
  spec: Record<string, unknown>,
  options: CatalogOptions,
  rest: Partial<Pick<RequestValues, 'system' | 'environment' | 'purpose' | 'leaseUntil' | 'drTier'>> = {},
): RequestValues {
  return {
    name: str(spec.name),
    flavor: str(spec.flavor, options.flavors[0]?.id ?? ''),
    image: str(spec.image, options.images[0]?.id ?? ''),
    diskGb: str(spec.diskGb, '100'),
    runtime: str(spec.runtime, options.runtimes[0]?.id ?? ''),
    instances: str(spec.instances, '2'),
    cpuPerInstance: str(spec.cpuPerInstance, '1'),
    memoryGbPerInstance: str(spec.memoryGbPerInstance, '2'),
    sizeGb: str(spec.sizeGb, '100'),
    system: rest.system ?? '',
    systemName: '',
    environment: rest.environment ?? 'dev',
    purpose: rest.purpose ?? '',
    leaseUntil: rest.leaseUntil ?? '',
    drTier: rest.drTier ?? 'none',
  };
}

/**
 * The state of a request form: its values, the spec they make, and the live monthly estimate
 * computed with the same pure functions the server uses to freeze it.
 */
export function useRequestValues(
  kind: RequestKind,
  options: CatalogOptions,
  prices: RatePrices,
  initial: () => RequestValues,
) {
  const [values, setValues] = useState<RequestValues>(initial);
  const set =
    <K extends keyof RequestValues>(key: K) =>
    (value: RequestValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const spec = useMemo(() => specOf(kind, values), [kind, values]);
  const specSchema = useMemo(() => specSchemas(options)[kind], [options, kind]);
  const fp = useMemo(() => footprint(kind, spec, options), [kind, spec, options]);
  const estimate = estimateMonthlyKrw(fp, prices, values.drTier);
  return { values, set, spec, specSchema, fp, estimate };
}
export type RequestValuesState = ReturnType<typeof useRequestValues>;

/**
 * Field errors of a request form: the server's (already translated) merged with the spec's own
 * check in the browser, in screen order; after each refusal the first field in error takes the focus.
 */
export function useFieldErrors(kind: RequestKind) {
  const t = useTranslations('requestForm');
  const tRoot = useTranslations();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);

  const order = useMemo(() => [...specFields[kind].map((f) => `spec.${f}`), ...commonFields], [kind]);
  const errorKeys = useMemo(() => {
    const rank = (key: string) => {
      const i = order.indexOf(key as never);
      return i < 0 ? 999 : i;
    };
    return Object.keys(fieldErrors).sort((a, b) => rank(a) - rank(b));
  }, [fieldErrors, order]);

  useEffect(() => {
    if (focusToken === 0) return;
    const first = errorKeys.find((k) => document.getElementById(fieldId(k)));
    const el = first ? document.getElementById(fieldId(first)) : null;
    const target =
      el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input:checked, input') : el;
    (target ?? summaryRef.current)?.focus();
  }, [focusToken, errorKeys]);

  /** The spec's errors by the server's own schema, so they show together with the rest. */
  function specErrors(schema: RequestValuesState['specSchema'], spec: Record<string, unknown>) {
    const checked = schema.safeParse(spec);
    if (checked.success) return {};
    return Object.fromEntries(
      Object.entries(zodDetails(checked.error, ['spec']).fieldErrors).map(([key, messages]) => [
        key,
        messages.map((m) =>
          tRoot.has(m as never)
            ? tRoot(m as never, validationValues[m] as never)
            : tRoot('validation.required'),
        ),
      ]),
    );
  }

  const labelOf = (key: string): string => {
    const field = key.replace(/^spec\./, '');
    if (field === 'name')
      return t(kind === 'vm' ? 'hostname' : kind === 'volume' ? 'volumeName' : 'namespace');
    if (field === 'systemId') return t('system');
    if (t.has(field as never)) return t(field as never);
    return '';
  };

  return {
    summaryRef,
    fieldErrors,
    formError,
    errorKeys,
    errorsOf: (key: string) => fieldErrors[key],
    labelOf,
    specErrors,
    /** shows a refusal: field errors beside their fields, the message in the summary, focus moved */
    refuse(errors: Record<string, string[]>, message: string) {
      setFieldErrors(errors);
      setFormError(message);
      setFocusToken((n) => n + 1);
    },
    clear() {
      setFieldErrors({});
      setFormError(null);
    },
  };
}
export type FieldErrorsState = ReturnType<typeof useFieldErrors>;
