'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import { axisKrw, axisTick, legendText, palette } from './chart-format';

// The showback dashboard's two charts. Each is an image to assistive technology (role="img" with the
// SVG's <title> and <desc>); its figures are in the table view beside it.

type ChartText = { title: string; desc: string };

const money = (locale: Locale) => (value: unknown, name: unknown) =>
  [formatKrwShort(Number(value), locale), String(name)] as [string, string];

export type UnitPoint = { name: string; byAllocationKrw: number; byUsageKrw: number };

/** Per department (or system): the amount by allocation and by usage, side by side. */
export function ShowbackUnitsChart({
  data,
  text,
  series,
  locale,
}: {
  data: UnitPoint[];
  text: ChartText;
  series: { byAllocationKrw: string; byUsageKrw: string };
  locale: Locale;
}) {
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: '100%', height: Math.max(220, data.length * 52 + 80) }}
      data={data}
      role="img"
      title={text.title}
      desc={text.desc}
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e3e7ec" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => axisKrw(v, locale)} tick={axisTick} />
      <YAxis type="category" dataKey="name" width={150} tick={axisTick} interval={0} />
      <Tooltip formatter={money(locale)} />
      <Legend itemSorter={null} formatter={legendText} />
      <Bar
        dataKey="byAllocationKrw"
        name={series.byAllocationKrw}
        fill={palette[0]}
        isAnimationActive={false}
      />
      <Bar dataKey="byUsageKrw" name={series.byUsageKrw} fill={palette[1]} isAnimationActive={false} />
    </BarChart>
  );
}

/** Month by month, one stacked segment per department (or system), on the chosen basis. */
export function ShowbackMonthsChart({
  data,
  units,
  text,
  locale,
}: {
  data: Record<string, string | number | null>[];
  units: { key: string; name: string }[];
  text: ChartText;
  locale: Locale;
}) {
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: 380 }}
      data={data}
      role="img"
      title={text.title}
      desc={text.desc}
      accessibilityLayer={false}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="month" tick={axisTick} minTickGap={12} />
      <YAxis width={72} tickFormatter={(v: number) => axisKrw(v, locale)} tick={axisTick} />
      <Tooltip formatter={money(locale)} />
      <Legend itemSorter={null} formatter={legendText} />
      {units.map((u, i) => (
        <Bar
          key={u.key}
          dataKey={u.key}
          name={u.name}
          stackId="month"
          fill={palette[i % palette.length]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
