'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '@/lib/i18n/config';

// The metering dashboards' charts. Each is an image to assistive technology (role="img" with the
// SVG's <title> and <desc>); its figures are in the table view beside it. They draw the rows of
// lib/metering/metering-tables.ts, so chart, table and export show the same numbers.

/** Colours that differ in lightness and dash as well as hue, each ≥ 3:1 on white. */
const colours = { capacity: '#4f5863', allocated: '#0b5cad', used: '#146c2e', ram: '#8a4b00' };
const chartStyle = { width: '100%', height: 320 } as const;
const tick = { fill: '#1b1f24' };
const legendText = (value: unknown) => <span style={{ color: '#1b1f24' }}>{String(value)}</span>;
const number =
  (locale: Locale, digits = 1) =>
  (value: unknown) =>
    typeof value === 'number'
      ? value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', { maximumFractionDigits: digits })
      : '—';

type Text = { title: string; desc: string; series: Record<string, string> };
type Point = Record<string, string | number | null>;

/** Capacity (dashed), allocated and used over time, one metric. */
export function UtilisationSeriesChart({
  data,
  text,
  locale,
  withCapacity,
}: {
  data: Point[];
  text: Text;
  locale: Locale;
  withCapacity: boolean;
}) {
  return (
    <LineChart
      responsive
      style={chartStyle}
      data={data}
      role="img"
      title={text.title}
      desc={text.desc}
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="period" tick={tick} minTickGap={24} />
      <YAxis width={64} tick={tick} tickFormatter={number(locale, 0)} />
      <Tooltip formatter={number(locale)} />
      <Legend itemSorter={null} formatter={legendText} />
      {withCapacity ? (
        <Line
          dataKey="capacity"
          name={text.series.capacity}
          stroke={colours.capacity}
          strokeDasharray="6 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ) : null}
      <Line
        dataKey="allocated"
        name={text.series.allocated}
        stroke={colours.allocated}
        strokeWidth={2.5}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="used"
        name={text.series.used}
        stroke={colours.used}
        strokeWidth={2.5}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

/** Bars per category: e.g. top consumers (allocated vs used hours) or the saving per department. */
export function MeteringBarChart({
  data,
  category,
  bars,
  text,
  locale,
  layout = 'horizontal',
}: {
  data: Point[];
  category: string;
  bars: { key: string; colour: keyof typeof colours }[];
  text: Text;
  locale: Locale;
  layout?: 'horizontal' | 'vertical';
}) {
  const vertical = layout === 'vertical';
  return (
    <BarChart
      responsive
      style={{ ...chartStyle, height: vertical ? Math.max(200, 48 + data.length * 36) : 320 }}
      data={data}
      layout={layout}
      role="img"
      title={text.title}
      desc={text.desc}
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e3e7ec" horizontal={!vertical} vertical={vertical} />
      {vertical ? (
        <>
          <XAxis type="number" tick={tick} tickFormatter={number(locale, 0)} />
          <YAxis type="category" dataKey={category} tick={tick} width={160} />
        </>
      ) : (
        <>
          <XAxis dataKey={category} tick={tick} />
          <YAxis width={56} tick={tick} tickFormatter={number(locale, 0)} />
        </>
      )}
      <Tooltip formatter={number(locale)} />
      <Legend itemSorter={null} formatter={legendText} />
      {bars.map((b) => (
        <Bar
          key={b.key}
          dataKey={b.key}
          name={text.series[b.key]}
          fill={colours[b.colour]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
