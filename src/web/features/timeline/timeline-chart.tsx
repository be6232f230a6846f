// The clinician's timeline chart (issue 14): one time axis shared by four stacked grids — scores with their
// bands and reference lines, medication bands labelled with the dose, weekly adherence, and the other
// events as marks. Clicking a mark opens its record. Loaded only with the timeline page (React.lazy).
import { Box } from '@mantine/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { instrumentById } from '../../../shared/measures/instruments';
import { RESPONSE_FALL_PERCENT } from '../../../shared/measures/interpretation';
import { addDays } from '../../../shared/time/index';
import type { Timeline } from '../../../shared/timeline/api';
import { timelineRows, type Lane } from './timeline-rows';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const ms = (day: string) => Date.parse(`${day}T12:00:00Z`);
const BAND_TINTS = ['#e6f4ea', '#f3f7d9', '#fff4d6', '#fde4cf', '#fbd5d5'];
const EVENT_LANES: Lane[] = ['Sessions', 'Side effects', 'Practice', 'Ratings', 'Plan'];
const LANE_COLORS: Record<Lane, string> = {
  Scores: '#1c1c1c',
  Medication: '#0b7285',
  Sessions: '#5f3dc4',
  'Side effects': '#c92a2a',
  Practice: '#2b8a3e',
  Ratings: '#e67700',
  Plan: '#1864ab',
};

/** The chart's option for the days [from, to]. Exported for its test. */
export function timelineOption(t: Timeline, from: string, to: string): echarts.EChartsCoreOption {
  const phq9 = instrumentById('phq9');
  const meds = t.medications.map((m) => m.name);
  const medTop = 250;
  const medHeight = Math.max(40, meds.length * 36);
  const adherenceTop = medTop + medHeight + 30;
  const eventsTop = adherenceTop + 110;
  const rows = timelineRows(t);
  const xAxis = (gridIndex: number, show: boolean) => ({
    type: 'time',
    gridIndex,
    min: ms(from) - 43_200_000,
    max: ms(to) + 43_200_000,
    axisLabel: { show, color: '#343a40', hideOverlap: true },
  });
  const baseline = t.baselines.phq9;
  const markLines: object[] = [];
  if (baseline !== null && baseline > 0)
    markLines.push({
      yAxis: (baseline * (100 - RESPONSE_FALL_PERCENT)) / 100,
      lineStyle: { color: '#1864ab', type: 'dashed' },
      label: { formatter: `PHQ-9 response (50% of ${String(baseline)})`, position: 'insideEndTop' },
    });
  if (phq9.interpretation.remissionBelow !== null)
    markLines.push({
      yAxis: phq9.interpretation.remissionBelow,
      lineStyle: { color: '#2b8a3e', type: 'dotted' },
      label: {
        formatter: `PHQ-9 remission (<${String(phq9.interpretation.remissionBelow)})`,
        position: 'insideEndBottom',
      },
    });
  const scoreSeries = (['phq9', 'gad7'] as const).map((id) => ({
    name: instrumentById(id).name,
    type: 'line',
    xAxisIndex: 0,
    yAxisIndex: 0,
    symbolSize: 8,
    data: t.scores
      .filter((s) => s.instrument === id && s.total !== null)
      .map((s) => ({ value: [ms(s.day), s.total], href: `/patients/${t.patientId}/measures` })),
    ...(id === 'phq9'
      ? {
          lineStyle: { width: 3, color: '#1c1c1c' },
          itemStyle: { color: '#1c1c1c' },
          markLine: { silent: true, symbol: 'none', data: markLines },
          markArea: {
            silent: true,
            data: phq9.severityBands.map((band, i) => [
              { yAxis: band.min, name: band.label, itemStyle: { color: BAND_TINTS[i] ?? '#f8c4c4' } },
              { yAxis: band.max + 1 },
            ]),
            label: { position: 'insideLeft', color: '#495057', fontSize: 10 },
          },
        }
      : { lineStyle: { width: 2, color: '#868e96', type: 'dashed' }, itemStyle: { color: '#868e96' } }),
  }));
  const item9 = {
    name: 'PHQ-9 item 9 above 0',
    type: 'scatter',
    xAxisIndex: 0,
    yAxisIndex: 0,
    symbol: 'triangle',
    symbolSize: 14,
    itemStyle: { color: '#c92a2a' },
    data: t.scores
      .filter((s) => s.item9 !== null && s.item9 > 0)
      .map((s) => ({ value: [ms(s.day), s.total ?? 0], href: `/patients/${t.patientId}/measures` })),
  };
  const medBands = t.medications.flatMap((m) => {
    const top = Math.max(1, ...m.periods.map((p) => p.doseAmount));
    return m.periods.map((p) => ({
      name: m.name,
      type: 'line',
      xAxisIndex: 1,
      yAxisIndex: 1,
      showSymbol: false,
      lineStyle: {
        width: p.paused ? 2 : 4 + Math.round((12 * p.doseAmount) / top),
        color: LANE_COLORS.Medication,
      },
      data: [
        [ms(p.from), m.name],
        [ms(p.to ?? t.today), m.name],
      ],
      silent: true,
    }));
  });
  // The dose of each period, written above its band where the period starts.
  const doseLabels = {
    name: 'Doses',
    type: 'scatter',
    xAxisIndex: 1,
    yAxisIndex: 1,
    symbolSize: 1,
    silent: true,
    label: { show: true, position: 'top', color: '#0b7285', fontWeight: 'bold', formatter: '{b}' },
    labelLayout: { hideOverlap: true },
    data: t.medications.flatMap((m) =>
      m.periods.map((p) => ({
        value: [ms(p.from < from ? from : p.from), m.name],
        name: p.paused ? 'paused' : `${String(p.doseAmount)} ${p.doseUnit}`,
      })),
    ),
  };
  const medMarks = {
    name: 'Medication changes',
    type: 'scatter',
    xAxisIndex: 1,
    yAxisIndex: 1,
    symbol: 'diamond',
    symbolSize: 14,
    itemStyle: { color: '#e67700', borderColor: '#1c1c1c' },
    data: t.medications.flatMap((m) =>
      m.changes.map((c) => ({
        value: [ms(c.day), m.name],
        name: `${c.summary} — ${c.reason}`,
        href: `/patients/${t.patientId}/medications`,
      })),
    ),
  };
  const missed = {
    name: 'Missed doses in a row',
    type: 'scatter',
    xAxisIndex: 1,
    yAxisIndex: 1,
    symbol: 'rect',
    symbolSize: [10, 10],
    itemStyle: { color: '#c92a2a' },
    data: t.medications.flatMap((m) =>
      m.missedStretches.map((s) => ({
        value: [ms(s.from), m.name],
        name: `${String(s.doses)} doses missed`,
        href: `/patients/${t.patientId}/medications`,
      })),
    ),
  };
  const adherence = t.medications.map((m) => ({
    name: `${m.name} adherence`,
    type: 'bar',
    xAxisIndex: 2,
    yAxisIndex: 2,
    barMaxWidth: 8,
    data: m.weeks.map((w) => [ms(addDays(w.weekStart, 3)), w.percent]),
  }));
  const events = EVENT_LANES.map((lane) => ({
    name: lane,
    type: 'scatter',
    xAxisIndex: 3,
    yAxisIndex: 3,
    symbolSize: 11,
    itemStyle: { color: LANE_COLORS[lane] },
    data: rows
      .filter((r) => r.lane === lane)
      .map((r) => ({ value: [ms(r.day), lane], name: r.what, href: r.href })),
  }));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name?: string; seriesName?: string }) => p.name || p.seriesName || '',
    },
    legend: {
      top: 0,
      data: ['PHQ-9', 'GAD-7', 'PHQ-9 item 9 above 0', ...t.medications.map((m) => `${m.name} adherence`)],
    },
    grid: [
      { left: 110, right: 24, top: 36, height: 170 },
      { left: 110, right: 24, top: medTop, height: medHeight },
      { left: 110, right: 24, top: adherenceTop, height: 70 },
      { left: 110, right: 24, top: eventsTop, height: 150 },
    ],
    xAxis: [xAxis(0, false), xAxis(1, false), xAxis(2, false), xAxis(3, true)],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: 27,
        interval: 9,
        name: 'Score',
        axisLabel: { color: '#343a40' },
      },
      { type: 'category', gridIndex: 1, data: meds, axisLabel: { color: '#343a40' } },
      {
        type: 'value',
        gridIndex: 2,
        min: 0,
        max: 100,
        interval: 50,
        name: 'Taken %',
        axisLabel: { color: '#343a40' },
      },
      { type: 'category', gridIndex: 3, data: EVENT_LANES, axisLabel: { color: '#343a40' } },
    ],
    series: [...scoreSeries, item9, ...medBands, doseLabels, medMarks, missed, ...adherence, ...events],
  };
}

export function chartHeight(t: Timeline): number {
  return 250 + Math.max(40, t.medications.length * 36) + 30 + 110 + 190;
}

type Props = { timeline: Timeline; from: string; to: string; summary: string };

export function TimelineChart({ timeline, from, to, summary }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const navigate = useNavigate();
  const option = useMemo(() => timelineOption(timeline, from, to), [timeline, from, to]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const data = params.data as { href?: string } | null | undefined;
      if (data?.href) void navigate(data.href);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [navigate]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <Box ref={ref} role="img" aria-label={summary} h={chartHeight(timeline)} w="100%" />;
}
