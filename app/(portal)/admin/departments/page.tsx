import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { listDepartments } from '@/lib/admin/queries';
import { formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { DepartmentForm } from '../_components/department-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.departments');
  return { title: t('title') };
}

const newDepartment = {
  code: '',
  nameKo: '',
  nameEn: '',
  quotaVcpu: 64,
  quotaRamGb: 256,
  quotaStorageGb: 4096,
  quotaMonthlyKrw: 10_000_000,
};

/** 부서 관리 — every department with its quotas and users; edit one (?edit=<id>) or add one. */
export default async function DepartmentsPage({
  searchParams,
}: {
  searchParams: Promise<{ edit?: string }>;
}) {
  const actor = await requireActor('admin:manage');
  const [{ edit }, t, tAdmin, locale, departments] = await Promise.all([
    searchParams,
    getTranslations('admin.departments'),
    getTranslations('admin'),
    getLocale().then(toLocale),
    listDepartments({ actor }),
  ]);
  const editing = departments.find((d) => d.id === edit);
  const name = (d: { nameKo: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.nameKo);
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ko-KR');

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">{tAdmin('breadcrumb')}</Link>
      </p>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        actions={
          <a href="#create-department" className="button button--secondary">
            {t('createLink')}
          </a>
        }
      />

      <div className="stack">
        {editing ? (
          <section className="card" id="edit-department" aria-labelledby="edit-department-title">
            <h2 id="edit-department-title">{t('editTitle', { name: name(editing) })}</h2>
            <DepartmentForm key={editing.id} department={editing} cancelHref="/admin/departments" />
          </section>
        ) : null}

        <div className="table-wrap">
          <table>
            <caption>{t('caption', { count: departments.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('code')}</th>
                <th scope="col" className="num">
                  {t('users')}
                </th>
                <th scope="col" className="num">
                  {t('vcpu')}
                </th>
                <th scope="col" className="num">
                  {t('ramGb')}
                </th>
                <th scope="col" className="num">
                  {t('storageGb')}
                </th>
                <th scope="col" className="num">
                  {t('budget')}
                </th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.length === 0 ? (
                <tr>
                  <td colSpan={8} className="empty">
                    {t('empty')}
                  </td>
                </tr>
              ) : null}
              {departments.map((d) => (
                <tr key={d.id} aria-current={d.id === editing?.id ? 'true' : undefined}>
                  <th scope="row">
                    {name(d)}
                    {d.isItDivision ? (
                      <>
                        {' '}
                        <span className="tag tag--accent">{t('itDivision')}</span>
                      </>
                    ) : null}
                    <br />
                    <span className="muted small" lang={locale === 'en' ? 'ko' : 'en'}>
                      {locale === 'en' ? d.nameKo : d.nameEn}
                    </span>
                  </th>
                  <td className="mono nowrap">{d.code}</td>
                  <td className="num">
                    {t('usersValue', { active: d.activeUserCount, total: d.userCount })}
                  </td>
                  <td className="num">{number.format(d.quotaVcpu)}</td>
                  <td className="num">{number.format(d.quotaRamGb)}</td>
                  <td className="num">{number.format(d.quotaStorageGb)}</td>
                  <td className="num">{formatKrwShort(d.quotaMonthlyKrw, locale)}</td>
                  <td className="nowrap">
                    <div>
                      <Link
                        href={`/admin/departments?edit=${d.id}#edit-department`}
                        className="button button--small button--secondary"
                        aria-label={t('editLabel', { name: name(d) })}
                      >
                        {t('edit')}
                      </Link>{' '}
                      <Link
                        href={`/admin/users?department=${d.id}`}
                        className="button button--small button--ghost"
                        aria-label={t('viewUsersLabel', { name: name(d) })}
                      >
                        {t('viewUsers')}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <section className="card" id="create-department" aria-labelledby="create-department-title">
          <h2 id="create-department-title">{t('createTitle')}</h2>
          <DepartmentForm department={newDepartment} />
        </section>
      </div>
    </>
  );
}
