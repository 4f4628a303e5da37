import Link from 'next/link';
import { useTranslations } from 'next-intl';

// Every planners' dashboard, side by side (savings, utilisation, rightsizing, showback, runway and the monthly report);
// the labels come from each area's catalogue.
const items = [
  { href: '/dashboards/savings', key: 'savings', label: 'metering.nav.savings' },
  { href: '/dashboards/utilisation', key: 'utilisation', label: 'metering.nav.utilisation' },
  { href: '/dashboards/rightsizing', key: 'rightsizing', label: 'metering.nav.rightsizing' },
  { href: '/dashboards/showback', key: 'showback', label: 'showback.nav' },
  { href: '/dashboards/runway', key: 'runway', label: 'runway.nav' },
  { href: '/reports', key: 'reports', label: 'reports.nav' },
] as const;

/** 절감 효과 · 자원 활용 · 적정 규모 권고 · 쇼백 · 용량 전망 · 월간 보고서 (the current one marked for screen readers). */
export function DashboardsNav({ current }: { current: (typeof items)[number]['key'] }) {
  const t = useTranslations();
  return (
    <nav aria-label={t('metering.nav.label')} className="filters">
      <ul className="segmented" style={{ flexWrap: 'wrap' }}>
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={item.key === current ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
