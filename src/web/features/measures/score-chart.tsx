import { Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { RESPONSE_FALL_PERCENT } from '../../../shared/measures/interpretation';
import type { Instrument, MeasureResponse } from '../../../shared/measures/api';
import { EChart, type EChartOption } from '../../components/echart';
import { browserTimeZone, formatDay } from '../../components/format';
import { localDate } from '../../../shared/time/index';
import { SOURCE_LABELS } from './measure-words';

/** A change the team made, marked on the chart: an agreed plan version or a medication start/dose change/stop. */
export type PlanChange = { at: number; label: string; kind?: 'plan' | 'medication' };

const CHANGE_COLORS = { plan: '#5f3dc4', medication: '#0b7285' } as const;

// Light tints from green (few symptoms) to red (severe), one per band, in order. Text on the chart is dark.
const BAND_TINTS = ['#e6f4ea', '#f3f7d9', '#fff4d6', '#fde4cf', '#fbd5d5', '#f8c4c4'];

// The viewer's calendar day of an answer (issue 15: a UTC day showed an evening answer in Chicago as the next day).
const day = (ms: number) => localDate(ms, browserTimeZone());

/** The scored answers of one instrument, oldest first. */
export function scoredSeries(instrument: Instrument, responses: readonly MeasureResponse[]) {
  return responses
    .filter((r) => r.instrument === instrument.id && r.total !== null)
    .sort((a, b) => a.answeredAt - b.answeredAt);
}

/** The baseline total the server interpreted against (the first scored answer when none says so). */
function baselineOf(series: readonly MeasureResponse[]): number | null {
  const latest = series.at(-1);
  return latest?.interpretation.baselineTotal ?? series[0]?.total ?? null;
}

function chartOption(
  instrument: Instrument,
  series: readonly MeasureResponse[],
  planChanges: readonly PlanChange[],
): EChartOption {
  const baseline = baselineOf(series);
  const responseLine =
    baseline !== null && baseline > 0 ? (baseline * (100 - RESPONSE_FALL_PERCENT)) / 100 : null;
  const remission = instrument.interpretation.remissionBelow;
  const referenceLines: object[] = [];
  if (responseLine !== null) {
    referenceLines.push({
      yAxis: responseLine,
      name: 'Response',
      lineStyle: { color: '#1864ab', type: 'dashed', width: 2 },
      label: {
        formatter: `Response (50% of baseline ${String(baseline)})`,
        color: '#1864ab',
        position: 'insideEndTop',
      },
    });
  }
  if (remission !== null) {
    referenceLines.push({
      yAxis: remission,
      name: 'Remission',
      lineStyle: { color: '#2b8a3e', type: 'dotted', width: 2 },
      label: {
        formatter: `Remission (<${String(remission)})`,
        color: '#2b8a3e',
        position: 'insideEndBottom',
      },
    });
  }
  for (const change of planChanges) {
    referenceLines.push({
      xAxis: change.at,
      name: change.label,
      lineStyle: { color: CHANGE_COLORS[change.kind ?? 'plan'], type: 'solid', width: 1.5 },
      label: {
        formatter: change.label,
        color: CHANGE_COLORS[change.kind ?? 'plan'],
        position: 'insideEndTop',
        rotate: 0,
      },
    });
  }
  const times = [...series.map((r) => r.answeredAt), ...planChanges.map((c) => c.at)];
  const min = times.length > 0 ? Math.min(...times) : Date.now();
  const max = times.length > 0 ? Math.max(...times) : Date.now();
  const pad = Math.max(3 * 86_400_000, (max - min) * 0.05);
  return {
    animation: false,
    grid: { left: 36, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'time',
      min: min - pad,
      max: max + pad,
      axisLabel: { color: '#343a40', hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: instrument.maxTotal,
      interval: instrument.maxTotal > 21 ? 5 : 3,
      axisLabel: { color: '#343a40' },
      splitLine: { show: false },
    },
    series: [
      {
        name: instrument.name,
        type: 'line',
        data: series.map((r) => [r.answeredAt, r.total]),
        symbolSize: 8,
        lineStyle: { width: 3, color: '#1c1c1c' },
        itemStyle: { color: '#1c1c1c' },
        markArea: {
          silent: true,
          data: instrument.severityBands.map((band, index) => [
            {
              yAxis: band.min,
              name: band.label,
              itemStyle: { color: BAND_TINTS[Math.min(index, BAND_TINTS.length - 1)] },
              label: { position: 'insideLeft', color: '#495057', fontSize: 10 },
            },
            { yAxis: index === instrument.severityBands.length - 1 ? band.max : band.max + 1 },
          ]),
        },
        markLine: { silent: true, symbol: 'none', data: referenceLines },
      },
    ],
  };
}

function summaryOf(
  instrument: Instrument,
  series: readonly MeasureResponse[],
  planChanges: readonly PlanChange[],
) {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return `${instrument.name}: no scored answers yet.`;
  const lastBand = last.severity ? ` (${last.severity.label})` : '';
  const plans =
    planChanges.length > 0 ? ` ${String(planChanges.length)} plan and medication changes marked.` : '';
  return `${instrument.name} over time: ${String(series.length)} scores from ${formatDay(day(first.answeredAt))} to ${formatDay(day(last.answeredAt))}; first ${String(first.total)}, latest ${String(last.total)}${lastBand}.${plans}`;
}

/** One instrument's scores over time with the severity bands shaded, reference lines and plan changes. */
export function ScoreChart({
  instrument,
  responses,
  planChanges,
}: {
  instrument: Instrument;
  responses: readonly MeasureResponse[];
  planChanges: readonly PlanChange[];
}) {
  const series = useMemo(() => scoredSeries(instrument, responses), [instrument, responses]);
  const option = useMemo(
    () => chartOption(instrument, series, planChanges),
    [instrument, series, planChanges],
  );
  const headingId = `chart-${instrument.id}`;
  return (
    <Stack gap={4} component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {instrument.name}
      </Title>
      {series.length === 0 ? (
        <Text size="sm" c="dimmed">
          No scored {instrument.name} yet.
        </Text>
      ) : (
        <>
          <EChart option={option} summary={summaryOf(instrument, series, planChanges)} />
          {/* Hidden by a wrapper: a table ignores the 1px width and would widen the page. */}
          <div className="visually-hidden">
            <Table>
              <Table.Caption>{instrument.name} scores</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Score</Table.Th>
                  <Table.Th scope="col">Severity</Table.Th>
                  <Table.Th scope="col">Source</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {series.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDay(r.answeredDay)}</Table.Td>
                    <Table.Td>{r.total}</Table.Td>
                    <Table.Td>{r.severity?.label ?? '—'}</Table.Td>
                    <Table.Td>{SOURCE_LABELS[r.source]}</Table.Td>
                  </Table.Tr>
                ))}
                {planChanges.map((c) => (
                  <Table.Tr key={`change-${String(c.at)}-${c.label}`}>
                    <Table.Td>{formatDay(day(c.at))}</Table.Td>
                    <Table.Td colSpan={3}>{c.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Stack>
  );
}
