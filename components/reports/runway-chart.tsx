'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '@/lib/i18n/config';
import type { RunwaySeriesPoint } from '@/lib/reports/get-runway';
import { axisTick, legendText } from './chart-format';

// A pool's allocation as % of its capacity: the months fitted (solid) and the forecast (dashed),
// with the threshold as a dotted line. An image to assistive technology; the table view has the figures.

const dimensions = [
  { key: 'vcpuPct', colour: '#0b5cad' },
  { key: 'ramGbPct', colour: '#c2410c' },
  { key: 'storageGbPct', colour: '#146c2e' },
] as const;

type Props = {
  series: RunwaySeriesPoint[];
  thresholdPct: number;
  text: {
    title: string;
    desc: string;
    threshold: string;
    names: Record<(typeof dimensions)[number]['key'], string>;
  };
  locale: Locale;
};

export function RunwayChart({ series, thresholdPct, text, locale }: Props) {
  const lastActual = series.findLastIndex((s) => s.kind === 'actual');
  // the forecast line starts at the last actual month, so the two join
  const data = series.map((s, i) => {
    const point: Record<string, string | number | null> = { month: s.month };
    for (const d of dimensions) {
      point[`${d.key}:a`] = s.kind === 'actual' ? s[d.key] : null;
      point[`${d.key}:f`] = s.kind === 'forecast' || i === lastActual ? s[d.key] : null;
    }
    return point;
  });
  const max = Math.max(thresholdPct, ...series.flatMap((s) => dimensions.map((d) => s[d.key] ?? 0)));
  const pct = (v: number) => `${v.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR')}%`;
  return (
    <LineChart
      responsive
      style={{ width: '100%', height: 360 }}
      data={data}
      role="img"
      title={text.title}
      desc={text.desc}
      accessibilityLayer={false}
      margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e3e7ec" vertical={false} />
      <XAxis dataKey="month" tick={axisTick} minTickGap={16} />
      <YAxis width={56} domain={[0, Math.ceil(max / 10) * 10]} tickFormatter={pct} tick={axisTick} />
      <Tooltip
        formatter={(value: unknown, name: unknown) => [pct(Number(value)), String(name)] as [string, string]}
      />
      <Legend itemSorter={null} formatter={legendText} />
      <ReferenceLine
        y={thresholdPct}
        stroke="#1b1f24"
        strokeDasharray="2 4"
        label={{ value: `${text.threshold} ${thresholdPct}%`, position: 'insideTopLeft', fill: '#1b1f24' }}
      />
      {dimensions.map((d) => (
        <Line
          key={`${d.key}:a`}
          dataKey={`${d.key}:a`}
          name={text.names[d.key]}
          stroke={d.colour}
          strokeWidth={2.5}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
      {dimensions.map((d) => (
        <Line
          key={`${d.key}:f`}
          dataKey={`${d.key}:f`}
          name={text.names[d.key]}
          legendType="none"
          stroke={d.colour}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
