'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { ChartText, YearPoint } from './savings-charts';

// The savings charts load with recharts only when they come near the viewport: the page's first
// paint and its interactivity do not wait for a charting library most visits scroll to later, if at
// all. What they show is in words (the figure's caption) and in a server-rendered table view from the
// first byte; the chart itself draws the same rows once loaded.

const charts = {
  year: dynamic(() => import('./savings-charts').then((m) => m.SavingsYearChart), { ssr: false }),
  cumulative: dynamic(() => import('./savings-charts').then((m) => m.SavingsCumulativeChart), { ssr: false }),
};

type Props = { kind: keyof typeof charts; data: YearPoint[]; text: ChartText; locale: Locale };

/**
 * How far below the viewport a chart starts loading, so it is drawn by the time it is scrolled to: on
 * an office screen the first chart loads at once, on a phone (the headline cards stacked) when scrolled.
 */
const AHEAD = '400px 0px';

export function LazySavingsChart({ kind, ...props }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const Chart = charts[kind];
  // the box keeps the chart's height (.chart-figure__chart), so nothing below moves when it arrives
  return <div ref={box}>{near ? <Chart {...props} /> : null}</div>;
}
