import Link from 'next/link';
import { useTranslations } from 'next-intl';

const items = [
  { href: '/dashboards/savings', key: 'savings' },
  { href: '/dashboards/showback', key: 'showback' },
  { href: '/dashboards/runway', key: 'runway' },
  { href: '/reports', key: 'reports' },
] as const;

/** The planners' dashboards side by side: 절감 효과 · 쇼백 · 용량 전망 · 월간 보고서. */
export function DashboardsNav({ current }: { current: (typeof items)[number]['key'] }) {
  const t = useTranslations();
  const label = {
    savings: t('dashboards.savings.title'),
    showback: t('showback.nav'),
    runway: t('runway.nav'),
    reports: t('reports.nav'),
  };
  return (
    <nav aria-label={t('dashboards.nav')} className="dash-nav no-print">
      <ul className="segmented">
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={item.key === current ? 'page' : undefined}>
              {label[item.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
