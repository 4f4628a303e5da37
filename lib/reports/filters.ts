import { AppError } from '@/lib/errors/app-error';
import { seoulToday } from '@/lib/format/dates';

// What the showback and runway dashboards share in reading their URL: months as YYYY-MM, values
// read leniently on a page (a bad one is dropped and named) and strictly by the API (400).

/**
 * Why a value was refused: `month` (not YYYY-MM), `order` (to before from), `choice` (not one of
 * the choices, or an unknown department, system or pool), `range` (a month after this one, or a
 * period longer than the dashboards compute).
 */
export type FilterError = 'month' | 'order' | 'choice' | 'range';
export type FilterErrors<K extends string> = Partial<Record<K, FilterError>>;
export type Search = Record<string, string | string[] | undefined>;

export const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** the longest showback period, in months */
export const MAX_PERIOD_MONTHS = 120;

/** A URL parameter's first value, trimmed; undefined when absent or blank. */
export function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** This month in Seoul, YYYY-MM. */
export const seoulMonth = (now: Date = new Date()) => seoulToday(now).slice(0, 7);

/** The catalogue key of each error as the API sends it in `details.fieldErrors`. */
const apiKey: Record<FilterError, string> = {
  month: 'validation.date',
  order: 'validation.dateOrder',
  choice: 'validation.choice',
  range: 'errors.bad_request',
};

/** 400 in the API's error shape when any filter was refused; nothing otherwise. */
export function throwFilterErrors(
  errors: Partial<Record<string, FilterError>>,
  rename: Record<string, string> = {},
) {
  const entries = Object.entries(errors).filter(([, e]) => e);
  if (entries.length)
    throw new AppError('bad_request', {
      details: { fieldErrors: Object.fromEntries(entries.map(([k, e]) => [rename[k] ?? k, [apiKey[e!]]])) },
    });
}
