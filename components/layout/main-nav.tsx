'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string; count?: { value: number; text: string } };

/** The main navigation; the current section is marked with aria-current. */
export function MainNav({ label, items }: { label: string; items: NavItem[] }) {
  const pathname = usePathname();
  const current = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav className="main-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
              {item.label}
              {item.count && item.count.value > 0 ? (
                <span className="nav-count">
                  <span aria-hidden="true">{item.count.value > 99 ? '99+' : item.count.value}</span>
                  <span className="sr-only">{item.count.text}</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
