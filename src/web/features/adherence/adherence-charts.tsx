// Two pictures of adherence: bars per medication for 7/30/90 days with the threshold line, and a weekday ×
// time-of-day heat map. Both are also given as tables (visually hidden) next to them, so nothing is only
// in the picture.
import { BarChart, HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { AdherenceSummary } from '../../../shared/adherence/api';
import { EChart, type EChartOption } from '../../components/echart';
import { TIME_OF_DAY_LABELS, WEEKDAY_SHORT } from './adherence-words';

echarts.use([BarChart, HeatmapChart, VisualMapComponent]);

const WINDOW_COLORS = ['#1864ab', '#5f3dc4', '#868e96'];

export function RatesChart({ summary }: { summary: AdherenceSummary }) {
  const rows = useMemo(
    () => [
      { name: 'All medications', windows: summary.overall },
      ...summary.medications.map((m) => ({ name: m.name, windows: m.windows })),
    ],
    [summary],
  );
  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 28, bottom: 24, containLabel: true },
      legend: { top: 0, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#495057' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { color: '#212529', width: 110, overflow: 'truncate' },
      },
      series: summary.overall.map((w, i) => ({
        type: 'bar',
        name: `${String(w.days)} days`,
        itemStyle: { color: WINDOW_COLORS[i] ?? '#868e96' },
        data: rows.map((r) => r.windows[i]?.percent ?? null),
        ...(i === 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#c92a2a', type: 'dashed', width: 2 },
                label: { show: false }, // named in the card's text: a label here collides with the axis
                data: [{ xAxis: summary.thresholdPercent }],
              },
            }
          : {}),
      })),
    }),
    [rows, summary],
  );
  const overall30 = summary.overall.find((w) => w.days === 30);
  return (
    <EChart
      option={option}
      height={Math.max(140, 70 + rows.length * 54)}
      summary={`Doses taken of doses scheduled for ${rows.map((r) => r.name).join(', ')} over 7, 30 and 90 days; all medications over 30 days: ${overall30?.percent === null || overall30 === undefined ? 'no doses yet' : `${String(overall30.percent)}%`}. The same numbers are in the table.`}
    />
  );
}

export function PatternHeatmap({ summary }: { summary: AdherenceSummary }) {
  const times = summary.pattern.byTimeOfDay.filter((t) => t.scheduled > 0).map((t) => t.timeOfDay);
  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: { position: 'top' },
      xAxis: {
        type: 'category',
        data: WEEKDAY_SHORT,
        axisLabel: { color: '#212529' },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: times.map((t) => TIME_OF_DAY_LABELS[t]),
        axisLabel: { color: '#212529' },
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: ['100% taken', '0%'],
        textStyle: { color: '#212529' },
        inRange: { color: ['#c92a2a', '#ffd43b', '#2b8a3e'] },
      },
      series: [
        {
          type: 'heatmap',
          name: 'Taken',
          label: {
            show: true,
            formatter: (p: { value: [number, number, number] }) => String(p.value[2]),
            fontSize: 10,
            color: '#000',
          },
          data: summary.pattern.cells
            .filter((c) => c.percent !== null)
            .map((c) => [c.weekday - 1, times.indexOf(c.timeOfDay), c.percent]),
        },
      ],
    }),
    [summary, times],
  );
  const weakest = [...summary.pattern.cells]
    .filter((c) => c.percent !== null)
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0))[0];
  return (
    <EChart
      option={option}
      height={Math.max(150, 100 + times.length * 40)}
      summary={`Percent of doses taken, by weekday and time of day over ${String(summary.pattern.days)} days.${weakest ? ` Lowest: ${WEEKDAY_SHORT[weakest.weekday - 1] ?? ''} ${weakest.timeOfDay}, ${String(weakest.percent)}%.` : ''} The same numbers are in the table.`}
    />
  );
}
