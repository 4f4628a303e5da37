import { Fragment } from 'react';
import { URL_IN_TEXT } from '@/lib/notify/mail-layout';

// a capturing group, so that split() keeps the addresses
const URL_PATTERN = new RegExp(`(${URL_IN_TEXT.source})`, 'g');

/** A mail's text part as written, with its http(s) addresses as links (React escapes the rest). */
export function MailTextPart({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', margin: 0 }}>
      {parts.map((part, i) =>
        // split with a capturing group: odd indexes are the addresses
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/**
 * A mail's HTML part in a sandboxed frame: no scripts, no same-origin access, no forms; links open
 * in a new tab (a <base target> is added) and send no Referer.
 */
export function MailHtmlFrame({ html, title }: { html: string; title: string }) {
  const base = '<base target="_blank">';
  const srcDoc = /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`)
    : base + html;
  return (
    <iframe
      title={title}
      srcDoc={srcDoc}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      style={{
        width: '100%',
        height: '44rem',
        border: '1px solid #d1d5db',
        borderRadius: '0.5rem',
        background: '#fff',
      }}
    />
  );
}
