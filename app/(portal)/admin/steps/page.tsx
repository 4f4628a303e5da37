import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { getPolicyVersion, listApprovingUsers } from '@/lib/approvals/policy-queries';
import { listStuckSteps, type StuckStep } from '@/lib/approvals/stuck-steps';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { ReassignForm } from './_components/reassign-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.steps');
  return { title: t('title') };
}

type SearchParams = Promise<{ step?: string | string[] }>;

/** 멈춘 결재 단계 — pending steps, the longest wait first; reassign one (?step=<id>) to another approver. */
export default async function StuckStepsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('admin:manage');
  const [{ step: chosen }, t, tAdmin, tEnum, locale, steps, policy, people] = await Promise.all([
    searchParams,
    getTranslations('admin.steps'),
    getTranslations('admin'),
    getTranslations('enums'),
    getLocale().then(toLocale),
    listStuckSteps({ actor }),
    getPolicyVersion({ actor }),
    listApprovingUsers({ actor }),
  ]);
  const selected = steps.find((s) => s.stepId === chosen);
  const name = (d: { nameKo: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.nameKo);
  const kindOf = (s: StuckStep) => tEnum(`stepKind.${s.kind}`);
  const approverText = (a: StuckStep['approver']) => {
    if (a.user) return t('approverPerson', { name: a.user.name, email: a.user.email });
    const role = a.role ? tEnum(`role.${a.role}`) : '';
    return a.department
      ? t('approverRole', { department: name(a.department), role })
      : t('approverAnyDepartment', { role });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">{tAdmin('breadcrumb')}</Link>
      </p>
      <PageHead title={t('title')} lead={t('lead')} />
      <div className="stack">
        {policy ? (
          <p className="hint">
            {t('settingsNote', {
              reminder: policy.settings.reminderWorkingHours,
              escalation: policy.settings.escalationWorkingHours,
              version: policy.version,
            })}
          </p>
        ) : null}

        {typeof chosen === 'string' && !selected ? (
          <div className="alert alert--warning" role="status">
            <p>{t('gone')}</p>
          </div>
        ) : null}
        {selected ? (
          <section className="card" id="reassign" aria-labelledby="reassign-title">
            <h2 id="reassign-title">{t('formTitle', { number: selected.number, kind: kindOf(selected) })}</h2>
            <p>{t('formLead', { approver: approverText(selected.approver) })}</p>
            <ReassignForm
              key={selected.stepId}
              stepId={selected.stepId}
              number={selected.number}
              kindLabel={kindOf(selected)}
              cancelHref="/admin/steps"
              candidates={people
                // segregation of duties: the drafter never signs their own request
                .filter((p) => p.id !== selected.requester.id)
                .map((p) => ({
                  id: p.id,
                  name: p.name,
                  label: t('userOption', {
                    name: p.name,
                    department: locale === 'en' ? p.departmentNameEn : p.departmentNameKo,
                    roles: p.roles.map((role) => tEnum(`role.${role}`)).join(', '),
                  }),
                }))}
            />
          </section>
        ) : null}

        {steps.length === 0 ? (
          <p className="empty">{t('empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t('caption', { count: steps.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('request')}</th>
                  <th scope="col">{t('department')}</th>
                  <th scope="col">{t('requester')}</th>
                  <th scope="col">{t('step')}</th>
                  <th scope="col">{t('approver')}</th>
                  <th scope="col">{t('since')}</th>
                  <th scope="col" className="num">
                    {t('age')}
                  </th>
                  <th scope="col">{t('alerts')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {steps.map((s) => (
                  <tr key={s.stepId} aria-current={s.stepId === selected?.stepId ? 'true' : undefined}>
                    <th scope="row" className="nowrap">
                      <Link
                        href={`/requests/${s.requestId}`}
                        className="mono"
                        aria-label={t('openRequest', { number: s.number })}
                      >
                        {s.number}
                      </Link>
                      <br />
                      <span className="muted small">{name(s.item)}</span>
                    </th>
                    <td className="nowrap">{name(s.department)}</td>
                    <td className="nowrap">{s.requester.name}</td>
                    <td>
                      <span className="tag">{kindOf(s)}</span>
                      {s.ruleName ? (
                        <>
                          <br />
                          <span className="muted small">{s.ruleName}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {approverText(s.approver)}
                      <br />
                      {s.canAct.length ? (
                        <span className="muted small">
                          {t('canAct', {
                            names: s.canAct
                              .map((p) =>
                                p.actingFor
                                  ? t('actingFor', { name: p.name, owner: p.actingFor.name })
                                  : p.name,
                              )
                              .join(', '),
                          })}
                        </span>
                      ) : (
                        <span className="badge badge--danger">{t('nobody')}</span>
                      )}
                    </td>
                    <td className="nowrap">
                      <time dateTime={s.pendingSince.toISOString()}>
                        {formatDateTime(s.pendingSince, locale)}
                      </time>
                    </td>
                    <td className="num nowrap">{t('ageValue', { hours: s.workingHours })}</td>
                    <td>
                      {s.escalated ? (
                        <span className="badge badge--danger">{t('escalated')}</span>
                      ) : s.reminded ? (
                        <span className="badge badge--warning">{t('reminded')}</span>
                      ) : (
                        <span className="muted nowrap">{t('noAlert')}</span>
                      )}
                    </td>
                    <td>
                      <Link
                        href={`/admin/steps?step=${s.stepId}#reassign`}
                        className="button button--small button--secondary"
                        aria-label={t('reassignLabel', { number: s.number, kind: kindOf(s) })}
                      >
                        {t('reassign')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
