import { useLocale, useTranslations } from 'next-intl';
import type { Action } from '@/components/forms/action-result';
import { RowActionButton } from '@/components/ui/row-action-button';
import type { listDelegations } from '@/lib/approvals/delegation-queries';
import { formatDate } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';

export type DelegationRow = Awaited<ReturnType<typeof listDelegations>>[number];
type State = 'scheduled' | 'active' | 'ended' | 'revoked';

/** Where a substitution stands on `today` (Seoul dates, both ends inclusive). */
function stateOf(row: DelegationRow, today: string): State {
  if (row.revokedAt) return 'revoked';
  if (today < row.startsOn) return 'scheduled';
  if (today > row.endsOn) return 'ended';
  return 'active';
}
const tone: Record<State, string> = {
  scheduled: 'badge--info',
  active: 'badge--success',
  ended: 'badge--neutral',
  revoked: 'badge--neutral',
};

/**
 * Substitutions as a table. `side` says whose list it is: the ones I named (the other column is the
 * 대결자, and I may revoke) or the ones naming me (the other column is the approver I stand in for).
 */
export function DelegationTable({
  rows,
  side,
  today,
  revokeAction,
}: {
  rows: DelegationRow[];
  side: 'named' | 'forMe';
  today: string;
  revokeAction: Action<{ delegationId: string }>;
}) {
  const t = useTranslations('delegations');
  const locale = toLocale(useLocale());
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t(side === 'named' ? 'namedTitle' : 'forMeTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(side === 'named' ? 'columns.substitute' : 'columns.approver')}</th>
            <th scope="col">{t('columns.period')}</th>
            <th scope="col">{t('columns.reason')}</th>
            <th scope="col">{t('columns.state')}</th>
            {side === 'named' ? <th scope="col">{t('columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const state = stateOf(row, today);
            const name = side === 'named' ? row.substituteName : row.userName;
            return (
              <tr key={row.id}>
                <th scope="row">
                  {name}
                  {side === 'named' ? <span className="muted small"> ({row.substituteEmail})</span> : null}
                </th>
                <td className="nowrap">
                  {t('period', {
                    from: formatDate(row.startsOn, locale),
                    to: formatDate(row.endsOn, locale),
                  })}
                </td>
                <td>{row.reason || t('noReason')}</td>
                <td>
                  <span className={`badge ${tone[state]}`}>{t(`state.${state}`)}</span>
                </td>
                {side === 'named' ? (
                  <td>
                    {state === 'active' || state === 'scheduled' ? (
                      <RowActionButton
                        input={{ delegationId: row.id }}
                        action={revokeAction}
                        label={t('revoke')}
                        accessibleName={t('revokeLabel', {
                          name: `${row.substituteName} (${t('period', {
                            from: formatDate(row.startsOn, locale),
                            to: formatDate(row.endsOn, locale),
                          })})`,
                        })}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
