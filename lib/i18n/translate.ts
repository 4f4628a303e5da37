import { createTranslator } from 'next-intl';
import type { Locale } from './config';
import adminEn from './messages/admin.en.json';
import adminKo from './messages/admin.ko.json';
import dashboardsEn from './messages/dashboards.en.json';
import dashboardsKo from './messages/dashboards.ko.json';
import en from './messages/en.json';
import hardeningEn from './messages/hardening.en.json';
import hardeningKo from './messages/hardening.ko.json';
import ko from './messages/ko.json';
import lifecycleEn from './messages/lifecycle.en.json';
import lifecycleKo from './messages/lifecycle.ko.json';
import linksEn from './messages/links.en.json';
import linksKo from './messages/links.ko.json';
import meteringEn from './messages/metering.en.json';
import meteringKo from './messages/metering.ko.json';
import reportsEn from './messages/reports.en.json';
import reportsKo from './messages/reports.ko.json';
import uiEn from './messages/ui.en.json';
import uiKo from './messages/ui.ko.json';

/** The message catalogues, Korean first; each file holds whole top-level namespaces. */
export const messages = {
  ko: {
    ...ko,
    ...uiKo,
    ...adminKo,
    ...linksKo,
    ...dashboardsKo,
    ...meteringKo,
    ...reportsKo,
    ...lifecycleKo,
    ...hardeningKo,
  },
  en: {
    ...en,
    ...uiEn,
    ...adminEn,
    ...linksEn,
    ...dashboardsEn,
    ...meteringEn,
    ...reportsEn,
    ...lifecycleEn,
    ...hardeningEn,
  },
} as const;

/** A translator outside React (API errors, mail, jobs). */
export function translator(locale: Locale, namespace?: string) {
  return createTranslator({ locale, messages: messages[locale], namespace: namespace as never });
}

/** Translates a key when the catalogue has it; otherwise returns the fallback. */
export function translateKey(
  locale: Locale,
  key: string,
  values: Record<string, string | number> = {},
  fallback?: string,
): string {
  const t = createTranslator({ locale, messages: messages[locale] });
  if (!t.has(key as never)) return fallback ?? key;
  return t(key as never, values as never);
}
