import { useLocale, useTranslations } from 'next-intl';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';

const FIELDS = ['flavor', 'diskGb', 'instances', 'cpuPerInstance', 'memoryGbPerInstance', 'sizeGb'] as const;

/** A change in words: "사양 c4m8 (4 vCPU · 8 GB), 디스크 200 GB". */
export function useChangeText(options: CatalogOptions) {
  const t = useTranslations('lifecycle.change');
  return (change: Record<string, unknown>): string =>
    FIELDS.filter((f) => change[f] !== undefined && change[f] !== null)
      .map((f) => {
        if (f === 'flavor') {
          const flavor = options.flavors.find((x) => x.id === change.flavor);
          return t('fieldValue.flavor', { value: flavor?.name ?? String(change.flavor) });
        }
        return t(`fieldValue.${f}`, { value: Number(change[f]) });
      })
      .join(', ');
}

/**
 * An event of the resource's history in words: its label (dotted types map to catalogue keys with
 * underscores) and a short, safe rendering of its detail.
 */
export function useEventText(options: CatalogOptions) {
  const tResource = useTranslations('resource');
  const t = useTranslations('lifecycle.event');
  const tDetail = useTranslations('lifecycle.eventDetail');
  const locale = toLocale(useLocale());
  const changeText = useChangeText(options);
  const label = (type: string) => {
    const key = type.replace(/\./g, '_');
    if (tResource.has(`event.${key}` as never)) return tResource(`event.${key}` as never);
    return t.has(key as never) ? t(key as never) : type;
  };
  const detail = (type: string, raw: unknown): string => {
    if (!raw || typeof raw !== 'object') return '';
    const d = raw as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof d.progress === 'number') parts.push(`${d.progress}%`);
    if (type === 'lease.extended' && typeof d.to === 'string')
      parts.push(
        tDetail('leaseExtended', {
          from: typeof d.from === 'string' ? formatDate(d.from, locale) : tDetail('noEnd'),
          to: formatDate(d.to, locale),
        }),
      );
    if (type === 'lease.warned' && typeof d.leaseUntil === 'string')
      parts.push(
        tDetail('leaseWarned', { days: Number(d.daysLeft ?? 0), date: formatDate(d.leaseUntil, locale) }),
      );
    if (type === 'lease.reclaimed' && typeof d.leaseUntil === 'string')
      parts.push(tDetail('leaseReclaimed', { date: formatDate(d.leaseUntil, locale) }));
    // a change asked for names what changes; one applied or reverted, the spec it has now
    const spec = d.change ?? d.spec;
    if (spec && typeof spec === 'object') {
      const text = changeText(spec as Record<string, unknown>);
      if (text) parts.push(text);
    }
    const window = d.window as { from?: string; until?: string } | null | undefined;
    if (window?.from && window.until)
      parts.push(
        tDetail('window', {
          from: formatDateTime(window.from, locale),
          until: formatDateTime(window.until, locale),
        }),
      );
    if (typeof d.reason === 'string') parts.push(d.reason);
    if (typeof d.providerRef === 'string') parts.push(d.providerRef);
    return parts.length ? ` · ${parts.join(' · ')}` : '';
  };
  return { label, detail };
}
