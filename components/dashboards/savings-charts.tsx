'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';

// The savings dashboard's two charts. Each is an image to assistive technology (role="img" with the
// SVG's <title> and <desc>); its figures are in the table view beside it (components/dashboards).

/** Colours that differ in lightness as well as hue (grey outline vs solid blue), each ≥ 3:1 on white. */
const colours = {
  standaloneFill: '#c9d0d8',
  standaloneStroke: '#4f5863',
  shared: '#0b5cad',
  savings: '#146c2e',
  savedFill: '#cfe9d8',
};

export type YearPoint = {
  year: string;
  standaloneKrw: number;
  sharedKrw: number;
  savingsPct: number | null;
  cumStandaloneKrw: number;
  cumSharedKrw: number;
  cumSavedKrw: number;
};

export type ChartText = { title: string; desc: string; series: Record<string, string> };

/** Axis ticks: 억 or 만 in Korean ("12억", "4,000만"), the short scale in English ("₩1.2B"). */
function axisKrw(value: number, locale: Locale): string {
  if (locale === 'en') return formatKrwShort(value, 'en');
  if (value === 0) return '0';
  if (Math.abs(value) >= 100_000_000)
    return `${(value / 100_000_000).toLocaleString('ko-KR', { maximumFractionDigits: 1 })}억`;
  return `${(value / 10_000).toLocaleString('ko-KR', { maximumFractionDigits: 0 })}만`;
}

const pct = (value: number | null, locale: Locale) =>
  value === null
    ? '—'
    : `${value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', { minimumFractionDigits: 1 })}%`;

function tooltipValue(locale: Locale) {
  return (value: unknown, name: unknown, item: { dataKey?: unknown }) => {
    const text =
      item.dataKey === 'savingsPct'
        ? pct(typeof value === 'number' ? value : null, locale)
        : formatKrwShort(Number(value), locale);
    return [text, String(name)] as [string, string];
  };
}

const chartStyle = { width: '100%', height: 340 } as const;

/** Legend labels in the text colour (recharts would paint them in the series' colour, too light to read). */
const legendText = (value: unknown) => <span style={{ color: '#1b1f24' }}>{String(value)}</span>;

/** Per year: standalone and shared cost as bars, the savings % as a line on its own axis. */
export function SavingsYearChart({
  data,
  text,
  locale,
}: {
  data: YearPoint[];
  text: ChartText;
  locale: Locale;
}) {
  return (
    <ComposedChart
      responsive
      style={chartStyle}
      data={data}
      role="img"
      title={text.title}
      desc={text.desc}
      accessibilityLayer={false}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="year" tick={{ fill: '#1b1f24' }} />
      <YAxis
        yAxisId="krw"
        width={72}
        tickFormatter={(v: number) => axisKrw(v, locale)}
        tick={{ fill: '#1b1f24' }}
      />
      <YAxis
        yAxisId="pct"
        orientation="right"
        width={48}
        // a system can cost more on the cloud than alone: the axis goes below 0 when a year does
        domain={[
          (min: number) => Math.min(0, Math.floor(min / 10) * 10),
          (max: number) => Math.max(60, Math.ceil(max / 10) * 10),
        ]}
        tickFormatter={(v: number) => `${v}%`}
        tick={{ fill: '#1b1f24' }}
      />
      <Tooltip formatter={tooltipValue(locale)} />
      <Legend itemSorter={null} formatter={legendText} />
      <Bar
        yAxisId="krw"
        dataKey="standaloneKrw"
        name={text.series.standaloneKrw}
        fill={colours.standaloneFill}
        stroke={colours.standaloneStroke}
        strokeWidth={1.5}
        isAnimationActive={false}
      />
      <Bar
        yAxisId="krw"
        dataKey="sharedKrw"
        name={text.series.sharedKrw}
        fill={colours.shared}
        isAnimationActive={false}
      />
      <Line
        yAxisId="pct"
        dataKey="savingsPct"
        name={text.series.savingsPct}
        stroke={colours.savings}
        strokeWidth={2.5}
        dot={{ r: 4, fill: colours.savings }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

/** Running totals: standalone (dashed) and shared (solid) cost as lines, the amount saved as an area. */
export function SavingsCumulativeChart({
  data,
  text,
  locale,
}: {
  data: YearPoint[];
  text: ChartText;
  locale: Locale;
}) {
  return (
    <ComposedChart
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
      <XAxis dataKey="year" tick={{ fill: '#1b1f24' }} />
      <YAxis width={72} tickFormatter={(v: number) => axisKrw(v, locale)} tick={{ fill: '#1b1f24' }} />
      <Tooltip formatter={tooltipValue(locale)} />
      <Legend itemSorter={null} formatter={legendText} />
      <Area
        dataKey="cumSavedKrw"
        name={text.series.cumSavedKrw}
        fill={colours.savedFill}
        stroke={colours.savings}
        strokeWidth={2}
        isAnimationActive={false}
      />
      <Line
        dataKey="cumStandaloneKrw"
        name={text.series.cumStandaloneKrw}
        stroke={colours.standaloneStroke}
        strokeWidth={2.5}
        strokeDasharray="6 4"
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
      <Line
        dataKey="cumSharedKrw"
        name={text.series.cumSharedKrw}
        stroke={colours.shared}
        strokeWidth={2.5}
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
