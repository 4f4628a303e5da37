'use client';

import { useTranslations } from 'next-intl';
import { formatKrwDelta, formatKrwHeadline, formatPct, formatPctDelta } from '@/lib/dashboards/format';
import type { WhatIfSavings } from '@/lib/dashboards/what-if-savings';
import type { Locale } from '@/lib/i18n/config';
import { ScrollRegion } from './scroll-region';

/** The what-if against the saved assumptions: the headline and each year, with the differences. */
export function WhatIfResult({ result, locale }: { result: WhatIfSavings; locale: Locale }) {
  const t = useTranslations('dashboards.whatIf.result');
  const tf = useTranslations('dashboards.whatIf.fields');
  const { saved, whatIf } = result;
  const money = (key: 'savedKrw' | 'standaloneKrw' | 'sharedKrw') => ({
    key,
    saved: formatKrwHeadline(saved[key], locale),
    whatIf: formatKrwHeadline(whatIf[key], locale),
    delta: formatKrwDelta(saved[key], whatIf[key], locale),
  });
  const rows = [
    money('savedKrw'),
    {
      key: 'savingsPct',
      saved: formatPct(saved.savingsPct, locale),
      whatIf: formatPct(whatIf.savingsPct, locale),
      delta: formatPctDelta(saved.savingsPct, whatIf.savingsPct, locale),
    },
    money('standaloneKrw'),
    money('sharedKrw'),
  ];
  const changedNames = result.changed.map((c) => (tf.has(c) ? tf(c as never) : c));
  return (
    <div className="whatif__result">
      <h3 id="whatif-result-title">{t('title')}</h3>
      <p className="alert alert--info">
        {result.changed.length ? t('changed', { fields: changedNames.join(', ') }) : t('unchanged')}{' '}
        {t('notSaved')}
      </p>
      <div className="table-wrap">
        <table id="whatif-headline">
          <caption>{t('headlineCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figure')}</th>
              <th scope="col" className="num">
                {t('saved')}
              </th>
              <th scope="col" className="num">
                {t('whatIf')}
              </th>
              <th scope="col" className="num">
                {t('delta')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{t(`figures.${r.key}` as never)}</th>
                <td className="num">{r.saved}</td>
                <td className="num">
                  <strong>{r.whatIf}</strong>
                </td>
                <td className="num">{r.delta}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ScrollRegion labelledBy="whatif-years-caption">
        <table id="whatif-years">
          <caption id="whatif-years-caption">{t('yearsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col" className="num">
                {t('savedPct')}
              </th>
              <th scope="col" className="num">
                {t('whatIfPct')}
              </th>
              <th scope="col" className="num">
                {t('deltaPct')}
              </th>
              <th scope="col" className="num">
                {t('savedKrw')}
              </th>
              <th scope="col" className="num">
                {t('whatIfKrw')}
              </th>
              <th scope="col" className="num">
                {t('deltaKrw')}
              </th>
            </tr>
          </thead>
          <tbody>
            {saved.byYear.map((y, i) => {
              const w = whatIf.byYear[i]!;
              return (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{formatPct(y.savingsPct, locale)}</td>
                  <td className="num">{formatPct(w.savingsPct, locale)}</td>
                  <td className="num">{formatPctDelta(y.savingsPct, w.savingsPct, locale)}</td>
                  <td className="num">{formatKrwHeadline(y.savedKrw, locale)}</td>
                  <td className="num">{formatKrwHeadline(w.savedKrw, locale)}</td>
                  <td className="num">{formatKrwDelta(y.savedKrw, w.savedKrw, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
