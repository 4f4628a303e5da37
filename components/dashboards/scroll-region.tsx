import type { ReactNode } from 'react';

/**
 * A wide table's frame: it scrolls sideways on narrow screens, so it is a named region that takes
 * keyboard focus (arrow keys scroll it; WCAG 2.1.1, axe's scrollable-region-focusable).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll
    <section className="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
