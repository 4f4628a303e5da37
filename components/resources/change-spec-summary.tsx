import { useLocale, useTranslations } from 'next-intl';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { readChangeRequestSpec } from '@/lib/lifecycle/change-spec';
import { useChangeText } from './use-change-text';

/**
 * A change request's spec in words — what changes, what the resource had, and a scale-up's window —
 * for the request page (the spec of a resize or scale-up is not a resource spec).
 */
export function ChangeSpecSummary({ spec, options }: { spec: unknown; options: CatalogOptions }) {
  const t = useTranslations('lifecycle.changeSpec');
  const locale = toLocale(useLocale());
  const changeText = useChangeText(options);
  const { change, before, window } = readChangeRequestSpec(spec);
  // what it had, in the fields that change
  const had = Object.fromEntries(Object.keys(change).map((key) => [key, before[key]]));
  return (
    <dl className="facts">
      <dt>{t('change')}</dt>
      <dd>{changeText(change)}</dd>
      <dt>{t('before')}</dt>
      <dd>{changeText(had)}</dd>
      {window ? (
        <>
          <dt>{t('window')}</dt>
          <dd>
            {t('windowValue', {
              from: formatDateTime(window.from, locale),
              until: formatDateTime(window.until, locale),
            })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
