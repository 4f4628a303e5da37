/** A label and its value in a mail's summary table. */
export type MailFact = [label: string, value: string];

/** Everything a mail says, before it becomes a text part and an HTML part. */
export type MailContent = {
  lang: string;
  subject: string;
  brand: string;
  heading: string;
  lead: string;
  /** set apart before the table: 대결, a rejection reason */
  notes: { tone: 'warning' | 'danger'; text: string }[];
  summaryCaption: string;
  facts: MailFact[];
  /** the one thing to do, as a button-like link (followed by the address written out) */
  action: { label: string; url: string };
  linkFallback: string;
  /** small print after the action: expiry, single use */
  after: string[];
  footer: string;
};

const FONT = "'Malgun Gothic','맑은 고딕','Apple SD Gothic Neo','Noto Sans KR',Arial,sans-serif";
// colours chosen for at least 4.5:1 contrast against their background (WCAG 1.4.3)
const INK = '#1f2937';
const MUTED = '#4b5563';
const ACCENT = '#1d4ed8';
const BAND = '#12355b';
const tones = {
  warning: { border: '#b45309', background: '#fff7ed' },
  danger: { border: '#b91c1c', background: '#fef2f2' },
};

/** An http(s) address in running text, without the punctuation that may follow it. */
export const URL_IN_TEXT = /https?:\/\/[^\s<>"')]*[^\s<>"').,;:!?]/g;

/** HTML-escapes text for element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Escaped text whose line breaks survive (purposes and reasons are often several lines). */
const para = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

/** Only http(s) addresses become links; anything else is shown as text. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** The plain-text part: the same content, readable in any client and by screen readers. */
export function mailText(content: Omit<MailContent, 'lang' | 'subject'>): string {
  return [
    `[${content.brand}]`,
    '',
    content.heading,
    '',
    content.lead,
    ...content.notes.flatMap((note) => ['', `※ ${note.text}`]),
    '',
    `■ ${content.summaryCaption}`,
    ...content.facts.map(([label, value]) => `- ${label}: ${value.replace(/\r?\n/g, '\n  ')}`),
    '',
    `▶ ${content.action.label}`,
    content.action.url,
    ...content.after.flatMap((line) => ['', line]),
    '',
    '--',
    content.footer,
    '',
  ].join('\n');
}

/**
 * The HTML part: a single-column table layout with inline styles only (mail clients drop <style> and
 * external CSS), a real data table for the summary, and a large button-like link for the action.
 */
export function mailHtml(content: MailContent): string {
  const url = safeUrl(content.action.url);
  const text = `font-family:${FONT};color:${INK};font-size:15px;line-height:1.6;`;
  const notes = content.notes
    .map(
      (note) =>
        `<p style="${text}margin:0 0 16px;padding:12px 16px;border-left:4px solid ${tones[note.tone].border};background:${tones[note.tone].background};">${para(note.text)}</p>`,
    )
    .join('');
  const rows = content.facts
    .map(
      ([label, value]) =>
        `<tr><th scope="row" align="left" valign="top" style="${text}padding:8px 12px;border-top:1px solid #e5e7eb;width:32%;font-weight:bold;background:#f8fafc;">${escapeHtml(label)}</th><td style="${text}padding:8px 12px;border-top:1px solid #e5e7eb;">${para(value)}</td></tr>`,
    )
    .join('');
  const action = url
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px;"><tr><td style="border-radius:6px;background:${ACCENT};"><a href="${escapeHtml(url)}" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(content.action.label)}</a></td></tr></table>
<p style="${text}font-size:13px;color:${MUTED};margin:0 0 16px;">${escapeHtml(content.linkFallback)}<br><a href="${escapeHtml(url)}" style="color:${ACCENT};word-break:break-all;">${escapeHtml(url)}</a></p>`
    : `<p style="${text}">${escapeHtml(content.action.label)}: ${escapeHtml(content.action.url)}</p>`;
  const after = content.after
    .map((line) => `<p style="${text}font-size:13px;color:${MUTED};margin:0 0 8px;">${para(line)}</p>`)
    .join('');

  return `<!doctype html>
<html lang="${escapeHtml(content.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f5f8;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.lead)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f5f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border:1px solid #d1d5db;border-radius:8px;border-collapse:separate;">
<tr><td style="padding:16px 24px;background:${BAND};border-radius:8px 8px 0 0;font-family:${FONT};font-size:16px;font-weight:bold;color:#ffffff;">${escapeHtml(content.brand)}</td></tr>
<tr><td style="padding:24px;">
<h1 style="font-family:${FONT};color:${INK};font-size:22px;line-height:1.4;margin:0 0 12px;">${escapeHtml(content.heading)}</h1>
<p style="${text}margin:0 0 16px;">${para(content.lead)}</p>
${notes}
<table cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;border-bottom:1px solid #e5e7eb;">
<caption style="${text}text-align:left;font-weight:bold;padding:0 0 8px;">${escapeHtml(content.summaryCaption)}</caption>
${rows}
</table>
${action}
${after}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-family:${FONT};font-size:12px;line-height:1.6;color:${MUTED};">${escapeHtml(content.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
