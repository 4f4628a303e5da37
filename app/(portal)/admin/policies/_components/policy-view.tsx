import { useLocale, useTranslations } from 'next-intl';
import type { PolicyVersion } from '@/lib/approvals/policy-queries';
import { formatDateTime } from '@/lib/format/dates';
import { formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { type PolicyNames, RuleSentence } from './rule-text';

/** A policy version read-only: who saved it and when, its rules in plain words, and its settings. */
export function PolicyView({
  policy,
  names,
  headingLevel = 3,
}: {
  policy: PolicyVersion;
  names: PolicyNames;
  /** the level of its section headings: 3 inside a card headed by an h2, 2 directly under the page's h1 */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const t = useTranslations('admin.policies');
  const locale = toLocale(useLocale());
  const s = policy.settings;
  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t('versionLabel')}</dt>
        <dd>{policy.version === 0 ? t('builtIn') : t('versionValue', { version: policy.version })}</dd>
        <dt>{t('name')}</dt>
        <dd>{policy.name}</dd>
        <dt>{t('note')}</dt>
        <dd>{policy.note || t('noNote')}</dd>
        <dt>{t('savedAt')}</dt>
        <dd>
          {policy.createdAt ? (
            <time dateTime={policy.createdAt.toISOString()}>{formatDateTime(policy.createdAt, locale)}</time>
          ) : (
            t('notSaved')
          )}
        </dd>
        <dt>{t('savedBy')}</dt>
        <dd>
          {policy.createdBy
            ? `${policy.createdBy.name} (${policy.createdBy.email})`
            : policy.version === 0
              ? t('notSaved')
              : t('unknownAuthor')}
        </dd>
      </dl>

      <section aria-labelledby={`policy-${policy.version}-rules`}>
        <Heading id={`policy-${policy.version}-rules`}>
          {t('rulesTitle', { count: policy.rules.length })}
        </Heading>
        <p className="hint">{t('rulesHint')}</p>
        <ol className="policy-rules">
          {policy.rules.map((rule, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a saved version never changes
            <li key={i}>
              <strong>{rule.name}</strong>
              <p>
                <RuleSentence rule={rule} names={names} />
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby={`policy-${policy.version}-settings`}>
        <Heading id={`policy-${policy.version}-settings`}>{t('settingsTitle')}</Heading>
        <dl className="facts">
          <dt>{t('reminder')}</dt>
          <dd>{t('reminderValue', { hours: s.reminderWorkingHours })}</dd>
          <dt>{t('escalation')}</dt>
          <dd>{t('escalationValue', { hours: s.escalationWorkingHours })}</dd>
          <dt>{t('linkTtl')}</dt>
          <dd>{t('linkTtlValue', { hours: s.linkTtlHours })}</dd>
          <dt>{t('bulkApprove')}</dt>
          <dd>{t('bulkApproveValue', { amount: formatKrwShort(s.bulkApproveMaxMonthlyKrw, locale) })}</dd>
          <dt>{t('monthsWithoutLease')}</dt>
          <dd>{t('monthsWithoutLeaseValue', { months: s.monthsWithoutLease })}</dd>
        </dl>
      </section>
    </div>
  );
}
