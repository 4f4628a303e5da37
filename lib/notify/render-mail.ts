import { formatKrw } from '@/lib/format/krw';
import { translator } from '@/lib/i18n/translate';
import type { MailTemplate, MailTemplates, RenderedMail } from './templates';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Renders a mail in Korean (the city's working language), with a text and an HTML part. */
export function renderMail<T extends MailTemplate>(template: T, data: MailTemplates[T]): RenderedMail {
  const t = translator('ko');
  const d = data as MailTemplates['step-pending'] & Partial<MailTemplates['request-rejected']>;
  const subject = t(`mail.${template}.subject` as never, { number: d.number, item: d.itemName } as never);
  const facts: [string, string][] = [
    [t('mail.fields.number' as never), d.number],
    [t('mail.fields.item' as never), d.itemName],
    [t('mail.fields.system' as never), `${d.systemName} (${d.departmentName})`],
    [t('mail.fields.requester' as never), d.requesterName],
    [t('mail.fields.estimate' as never), formatKrw(d.estimateMonthlyKrw, 'ko')],
    [t('mail.fields.purpose' as never), d.purpose],
  ];
  const lead = t(`mail.${template}.lead` as never, { ...d } as never);
  const link = d.approveUrl ?? d.requestUrl;
  const text = [lead, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', link].join('\n');
  const html = `<!doctype html><html lang="ko"><body style="font-family:sans-serif"><p>${escape(lead)}</p><table>${facts
    .map(([k, v]) => `<tr><th align="left">${escape(k)}</th><td>${escape(v)}</td></tr>`)
    .join('')}</table><p><a href="${escape(link)}">${escape(link)}</a></p></body></html>`;
  return { subject, text, html };
}
