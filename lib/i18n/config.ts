export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ko';
export const localeCookie = 'dcloud-locale';
export const timeZone = 'Asia/Seoul';

export function toLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'ko';
}

/** Picks ko or en from an Accept-Language header; Korean unless English is preferred first. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ko';
}
