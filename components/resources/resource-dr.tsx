import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import type { DrState } from '@/lib/provisioning/providers/types';
import { narrowFacts } from './narrow-facts';

const tone: Record<DrState['state'], string> = {
  syncing: 'badge--progress',
  in_sync: 'badge--success',
  lagging: 'badge--warning',
  broken: 'badge--danger',
};

/** 재해복구 — the DR tier and, for a replicated resource, its replication as the cloud last reported it. */
export function ResourceDr({ drTier, drState }: { drTier: string; drState: DrState | null }) {
  const t = useTranslations('lifecycle.dr');
  const tEnum = useTranslations('enums.drTier');
  const locale = toLocale(useLocale());
  if (drTier !== 'backup' && drTier !== 'replicated') return null;
  const lag = drState?.lagSeconds ?? null;
  return (
    <section className="card" aria-labelledby="dr-title">
      <h2 id="dr-title">{t('title')}</h2>
      <dl className="facts" style={narrowFacts}>
        <dt>{t('tier')}</dt>
        <dd>{tEnum(drTier)}</dd>
        {drState ? (
          <>
            <dt>{t('replicaSite')}</dt>
            <dd className="mono">{drState.replicaSite}</dd>
            <dt>{t('state')}</dt>
            <dd>
              <span className={`badge ${tone[drState.state] ?? 'badge--neutral'}`}>
                {t(`stateValue.${drState.state}`)}
              </span>
            </dd>
            <dt>{t('lastSync')}</dt>
            <dd>
              {drState.lastSyncAt ? (
                <time dateTime={drState.lastSyncAt}>{formatDateTime(drState.lastSyncAt, locale)}</time>
              ) : (
                t('never')
              )}
            </dd>
            <dt>{t('lag')}</dt>
            <dd>
              {lag === null
                ? t('never')
                : lag < 60
                  ? t('lagSeconds', { seconds: lag })
                  : t('lagMinutes', { minutes: Math.floor(lag / 60), seconds: lag % 60 })}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="hint">{drState ? t('timeNote') : t(drTier === 'backup' ? 'backupNote' : 'noState')}</p>
    </section>
  );
}
