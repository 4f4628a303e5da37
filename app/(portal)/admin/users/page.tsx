import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { listDepartments, listUsers } from '@/lib/admin/queries';
import { toLocale } from '@/lib/i18n/config';
import { UserForm } from '../_components/user-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('title') };
}

/** The list's query string; anything unusable is dropped rather than refused. */
const pageQuery = z.object({
  department: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  cursor: z.string().max(254).optional().catch(undefined),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 사용자 관리 — users with their roles and department, filtered by department or name; add a user. */
export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('admin:manage');
  const [raw, t, tAdmin, tRole, locale, departments] = await Promise.all([
    searchParams,
    getTranslations('admin.users'),
    getTranslations('admin'),
    getTranslations('enums.role'),
    getLocale().then(toLocale),
    listDepartments({ actor }),
  ]);
  const query = pageQuery.parse(raw);
  const department = departments.find((d) => d.id === query.department);
  const { items, nextCursor } = await listUsers({
    actor,
    departmentId: department?.id,
    q: query.q || undefined,
    cursor: query.cursor,
    limit: 50,
  });
  const name = (d: { nameKo: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.nameKo);
  const options = departments.map((d) => ({ id: d.id, label: `${name(d)} (${d.code})` }));
  const filtered = Boolean(department || query.q);
  const pageHref = (cursor?: string) => {
    const params = new URLSearchParams();
    if (department) params.set('department', department.id);
    if (query.q) params.set('q', query.q);
    if (cursor) params.set('cursor', cursor);
    const search = params.toString();
    return search ? `/admin/users?${search}` : '/admin/users';
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">{tAdmin('breadcrumb')}</Link>
      </p>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        actions={
          <a href="#create-user" className="button button--secondary">
            {t('createLink')}
          </a>
        }
      />

      <div className="stack">
        <search className="filters" aria-label={t('filterTitle')}>
          <form className="filter-form" action="/admin/users">
            <div className="field">
              <label htmlFor="filter-department">{t('filterDepartment')}</label>
              <select id="filter-department" name="department" defaultValue={department?.id ?? ''}>
                <option value="">{t('allDepartments')}</option>
                {options.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-q">{t('filterQuery')}</label>
              <input id="filter-q" name="q" type="text" defaultValue={query.q ?? ''} maxLength={100} />
            </div>
            <button type="submit" className="button button--secondary">
              {t('filterSubmit')}
            </button>
            {filtered ? (
              <Link href="/admin/users" className="button button--ghost">
                {t('filterReset')}
              </Link>
            ) : null}
          </form>
        </search>

        <div className="table-wrap">
          <table>
            <caption>
              {department ? t('captionFiltered', { department: name(department) }) : t('caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('roles')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('signIn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('empty')}
                  </td>
                </tr>
              ) : null}
              {items.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <Link href={`/admin/users/${user.id}`} aria-label={t('editLabel', { name: user.name })}>
                      {user.name}
                    </Link>
                  </th>
                  <td className="mono">{user.email}</td>
                  <td>{locale === 'en' ? user.departmentNameEn : user.departmentNameKo}</td>
                  <td>{user.roles.map((role) => tRole(role)).join(', ')}</td>
                  <td>
                    <span className={`badge ${user.active ? 'badge--success' : 'badge--neutral'}`}>
                      {user.active ? t('active') : t('inactive')}
                    </span>
                  </td>
                  <td>
                    {[user.hasPassword ? t('signInPassword') : null, user.sso ? t('signInSso') : null]
                      .filter(Boolean)
                      .join(', ') || t('signInNone')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {nextCursor || query.cursor ? (
          <nav className="button-row" aria-label={t('caption')}>
            {query.cursor ? (
              <Link href={pageHref()} className="button button--secondary">
                {t('first')}
              </Link>
            ) : null}
            {nextCursor ? (
              <Link href={pageHref(nextCursor)} className="button button--secondary">
                {t('next')}
              </Link>
            ) : null}
          </nav>
        ) : null}

        <section className="card" id="create-user" aria-labelledby="create-user-title">
          <h2 id="create-user-title">{t('createTitle')}</h2>
          <UserForm
            user={{
              email: '',
              name: '',
              departmentId: department?.id ?? '',
              roles: ['requester'],
              active: true,
            }}
            departments={options}
          />
        </section>
      </div>
    </>
  );
}
