import { formatDateTime } from '@/lib/format/dates';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { MailContent, MailFact } from './mail-layout';
import { mailHtml, mailText } from './mail-layout';
import type { MailTemplate, MailTemplates, RenderedMail, RequestSummary } from './templates';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Renders a mail in Korean (the city's working language) unless told otherwise: a subject, a plain
 * text part and an HTML part saying the same things. Every value is escaped by the layout.
 */
export function renderMail<T extends MailTemplate>(
  template: T,
  data: MailTemplates[T],
  locale: Locale = 'ko',
): RenderedMail {
  const translate = translator(locale, 'mail');
  const t: Translate = (key, values) => translate(key as never, values as never);
  const content = mailContent(template, data, t, locale);
  const subject = t(`${template}.subject`, { number: data.number, item: data.itemName });
  return { subject, text: mailText(content), html: mailHtml({ ...content, subject, lang: locale }) };
}

/** What one template says: heading, lead, notes, the summary table and its one action. */
function mailContent<T extends MailTemplate>(
  template: T,
  data: MailTemplates[T],
  t: Translate,
  locale: Locale,
): Omit<MailContent, 'subject' | 'lang'> {
  const base = {
    brand: t('brand'),
    footer: t('footer'),
    heading: t(`${template}.heading`),
    summaryCaption: t('summaryCaption'),
    linkFallback: t('linkFallback'),
  };
  const facts = summaryFacts(data, t, locale);
  const stepLabel = (kind: 'review' | 'consult' | 'approve') =>
    translator(locale)(`enums.stepKind.${kind}` as never);
  const waiting = (hours: number) => t('waitingHours', { hours });

  switch (template) {
    case 'step-pending': {
      const d = data as MailTemplates['step-pending'];
      const step = stepLabel(d.stepKind);
      const expires = formatDateTime(d.expiresAt, locale);
      return {
        ...base,
        lead: t('step-pending.lead', { requester: d.requesterName, step }),
        notes: d.actingForName
          ? [{ tone: 'warning', text: t('step-pending.actingFor', { name: d.actingForName }) }]
          : [],
        facts: [[t('fields.step'), step], ...facts, [t('fields.expires'), t('seoulTime', { time: expires })]],
        action: { label: t('step-pending.action'), url: d.approveUrl },
        after: [t('step-pending.expires', { time: expires }), t('step-pending.personal')],
      };
    }
    case 'step-reminder': {
      const d = data as MailTemplates['step-reminder'];
      const step = stepLabel(d.stepKind);
      return {
        ...base,
        lead: t('step-reminder.lead', { step, waitingHours: d.waitingHours }),
        notes: [],
        facts: [[t('fields.step'), step], [t('fields.waiting'), waiting(d.waitingHours)], ...facts],
        action: { label: t('step-reminder.action'), url: d.approveUrl },
        after: [],
      };
    }
    case 'step-escalated': {
      const d = data as MailTemplates['step-escalated'];
      const step = stepLabel(d.stepKind);
      return {
        ...base,
        lead: t('step-escalated.lead', { step, waitingHours: d.waitingHours }),
        notes: [],
        facts: [
          [t('fields.step'), step],
          [t('fields.approvers'), d.approverNames],
          [t('fields.waiting'), waiting(d.waitingHours)],
          ...facts,
        ],
        action: { label: t('step-escalated.action'), url: d.requestUrl },
        after: [],
      };
    }
    case 'request-rejected': {
      const d = data as MailTemplates['request-rejected'];
      return {
        ...base,
        lead: t('request-rejected.lead'),
        notes: [{ tone: 'danger', text: `${t('fields.reason')}: ${d.reason}` }],
        facts: [[t('fields.rejectedBy'), d.rejectedBy], [t('fields.reason'), d.reason], ...facts],
        action: { label: t('request-rejected.action'), url: d.requestUrl },
        after: [],
      };
    }
    case 'resource-active': {
      const d = data as MailTemplates['resource-active'];
      return {
        ...base,
        lead: t('resource-active.lead', { resourceName: d.resourceName }),
        notes: [],
        facts: [[t('fields.resource'), d.resourceName], ...facts],
        action: { label: t('resource-active.action'), url: d.resourceUrl },
        after: [],
      };
    }
    case 'resource-failed': {
      const d = data as MailTemplates['resource-failed'];
      return {
        ...base,
        lead: t('resource-failed.lead'),
        notes: [{ tone: 'danger', text: `${t('fields.reason')}: ${d.reason}` }],
        facts: [[t('fields.reason'), d.reason], ...facts],
        action: { label: t('resource-failed.action'), url: d.requestUrl },
        after: [],
      };
    }
    case 'lease-expiring': {
      const d = data as MailTemplates['lease-expiring'];
      return {
        ...base,
        lead: t('lease-expiring.lead', { resourceName: d.resourceName, daysLeft: d.daysLeft }),
        notes: [{ tone: 'warning', text: t('lease-expiring.reclaim', { reclaimOn: d.reclaimOn }) }],
        facts: [
          [t('fields.resource'), d.resourceName],
          [t('fields.leaseUntil'), d.leaseUntil],
          [t('fields.reclaimOn'), d.reclaimOn],
          ...facts,
        ],
        action: { label: t('lease-expiring.action'), url: d.resourceUrl },
        after: [],
      };
    }
    default: {
      // request-approved, resource-decommissioned: the lead and the summary (and the resource, if any)
      const resourceName = 'resourceName' in data ? String(data.resourceName) : null;
      return {
        ...base,
        lead: t(`${template}.lead`),
        notes: [],
        facts: resourceName ? [[t('fields.resource'), resourceName], ...facts] : facts,
        action: { label: t(`${template}.action`), url: data.requestUrl },
        after: [],
      };
    }
  }
}

/** The rows every mail about a request shows. */
function summaryFacts(data: RequestSummary, t: Translate, locale: Locale): MailFact[] {
  const environment = translator(locale)(`enums.environment.${data.environment}` as never);
  return [
    [t('fields.number'), data.number],
    [t('fields.item'), data.itemName],
    [t('fields.system'), data.systemName],
    [t('fields.department'), data.departmentName],
    [t('fields.requester'), data.requesterName],
    [t('fields.environment'), environment],
    [
      t('fields.estimate'),
      t('perMonth', {
        short: formatKrwShort(data.estimateMonthlyKrw, locale),
        exact: formatKrw(data.estimateMonthlyKrw, locale),
      }),
    ],
    [t('fields.purpose'), data.purpose],
  ];
}
