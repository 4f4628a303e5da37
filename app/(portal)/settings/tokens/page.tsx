import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { PageHead } from '@/components/ui/page-head';
import { RowActionButton } from '@/components/ui/row-action-button';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { listTokens } from '@/lib/tokens/queries';
import { createTokenAction, revokeTokenAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tokens');
  return { title: t('title') };
}

export default async function TokensPage() {
  const actor = await requireActor('tokens:manage');
  const [t, locale, tokens] = await Promise.all([
    getTranslations('tokens'),
    getLocale().then(toLocale),
    listTokens(actor),
  ]);
  const now = Date.now();
  const stateOf = (token: (typeof tokens)[number]) =>
    token.revokedAt ? 'revoked' : token.expiresAt.getTime() <= now ? 'expired' : 'active';
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <div className="stack">
        <CreateTokenForm action={createTokenAction} />
        <section aria-labelledby="token-list-title">
          <h2 id="token-list-title">{t('listTitle')}</h2>
          {tokens.length === 0 ? (
            <p className="empty">{t('empty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.name')}</th>
                    <th scope="col">{t('columns.prefix')}</th>
                    <th scope="col">{t('columns.createdAt')}</th>
                    <th scope="col">{t('columns.expiresAt')}</th>
                    <th scope="col">{t('columns.lastUsedAt')}</th>
                    <th scope="col">{t('columns.state')}</th>
                    <th scope="col">{t('columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((token) => {
                    const state = stateOf(token);
                    return (
                      <tr key={token.id}>
                        <th scope="row">{token.name}</th>
                        <td className="mono nowrap">{token.prefix}…</td>
                        <td className="nowrap">{formatDate(token.createdAt, locale)}</td>
                        <td className="nowrap">{formatDate(token.expiresAt, locale)}</td>
                        <td className="nowrap">
                          {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('never')}
                        </td>
                        <td>
                          <span
                            className={`badge ${state === 'active' ? 'badge--success' : 'badge--neutral'}`}
                          >
                            {t(`state.${state}`)}
                          </span>
                        </td>
                        <td>
                          {state === 'active' ? (
                            <RowActionButton
                              input={{ tokenId: token.id }}
                              action={revokeTokenAction}
                              label={t('revoke')}
                              accessibleName={t('revokeLabel', { name: token.name })}
                            />
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
