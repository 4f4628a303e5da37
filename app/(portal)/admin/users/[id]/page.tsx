import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { getUser, listDepartments } from '@/lib/admin/queries';
import { formatDate } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { UserForm } from '../../_components/user-form';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireActor('admin:manage');
  const [user, t] = await Promise.all([
    getUser({ actor, userId: (await params).id }),
    getTranslations('admin.users'),
  ]);
  return { title: user ? user.name : t('title') };
}

/** One user: account facts and the edit form (email, name, department, roles, active, password). */
export default async function UserPage({ params }: { params: Params }) {
  const actor = await requireActor('admin:manage');
  const { id } = await params;
  const [user, departments, t, tUsers, locale] = await Promise.all([
    getUser({ actor, userId: id }),
    listDepartments({ actor }),
    getTranslations('admin.user'),
    getTranslations('admin.users'),
    getLocale().then(toLocale),
  ]);
  if (!user) notFound();
  const name = (d: { nameKo: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.nameKo);
  const signIn =
    [user.hasPassword ? tUsers('signInPassword') : null, user.sso ? tUsers('signInSso') : null]
      .filter(Boolean)
      .join(', ') || tUsers('signInNone');

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/users">{t('breadcrumb')}</Link>
      </p>
      <PageHead
        title={user.name}
        lead={t('lead', {
          email: user.email,
          department: locale === 'en' ? user.departmentNameEn : user.departmentNameKo,
        })}
        badge={
          <span className={`badge badge--lg ${user.active ? 'badge--success' : 'badge--neutral'}`}>
            {user.active ? tUsers('active') : tUsers('inactive')}
          </span>
        }
      />
      <section className="card" aria-labelledby="user-facts-title">
        <h2 id="user-facts-title">{t('facts')}</h2>
        <dl className="facts">
          <dt>{t('signIn')}</dt>
          <dd>{signIn}</dd>
          <dt>{t('createdAt')}</dt>
          <dd>{formatDate(user.createdAt, locale)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="user-edit-title">
        <h2 id="user-edit-title">{t('editTitle')}</h2>
        {user.id === actor.id ? (
          <div className="alert alert--warning">
            <p>{t('self')}</p>
          </div>
        ) : null}
        <UserForm
          key={user.id}
          user={{
            id: user.id,
            email: user.email,
            name: user.name,
            departmentId: user.departmentId,
            roles: user.roles,
            active: user.active,
          }}
          departments={departments.map((d) => ({ id: d.id, label: `${name(d)} (${d.code})` }))}
        />
      </section>
    </>
  );
}
