import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { SessionFeedback, TreatmentRatingRound } from '../../../shared/feedback/schemas';
import { EChart, type EChartOption } from '../../components/echart';
import { formatDay } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { SESSION_SHORT } from './feedback-words';

// Colours with enough contrast on white, told apart by line style and symbol too (not colour alone).
const PALETTE = ['#1864ab', '#c2255c', '#2b8a3e', '#e8590c', '#5f3dc4', '#0b7285', '#862e9c', '#495057'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'circle'];
const DASHES = ['solid', 'dashed', 'dotted', 'solid', 'dashed', 'dotted', 'solid', 'dashed'] as const;

function timeAxis(times: readonly number[]) {
  const min = times.length > 0 ? Math.min(...times) : Date.now();
  const max = times.length > 0 ? Math.max(...times) : Date.now();
  const pad = Math.max(3 * 86_400_000, (max - min) * 0.05);
  return { type: 'time', min: min - pad, max: max + pad, axisLabel: { color: '#343a40', hideOverlap: true } };
}

const ratingAxis = {
  type: 'value',
  min: 0,
  max: 10,
  interval: 2,
  axisLabel: { color: '#343a40' },
  splitLine: { lineStyle: { color: '#e9ecef' } },
};

/** "Met goals" and "felt heard" over sessions, with the clinic's low-rating line. */
export function SessionTrendChart({
  feedback,
  threshold,
}: {
  feedback: readonly SessionFeedback[];
  threshold: number;
}) {
  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 32, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#343a40' } },
      xAxis: timeAxis(feedback.map((f) => f.sessionAt)),
      yAxis: ratingAxis,
      series: [
        {
          name: SESSION_SHORT.goals,
          type: 'line',
          data: feedback.map((f) => [f.sessionAt, f.goalsRating]),
          symbol: 'circle',
          symbolSize: 9,
          lineStyle: { width: 3, color: PALETTE[0] },
          itemStyle: { color: PALETTE[0] },
          markLine: {
            silent: true,
            symbol: 'none',
            data: [
              {
                yAxis: threshold,
                lineStyle: { color: '#c92a2a', type: 'dashed', width: 1.5 },
                label: {
                  formatter: `Low (≤${String(threshold)})`,
                  color: '#c92a2a',
                  position: 'insideEndTop',
                },
              },
            ],
          },
        },
        {
          name: SESSION_SHORT.heard,
          type: 'line',
          data: feedback.map((f) => [f.sessionAt, f.heardRating]),
          symbol: 'rect',
          symbolSize: 9,
          lineStyle: { width: 3, type: 'dashed', color: PALETTE[1] },
          itemStyle: { color: PALETTE[1] },
        },
      ],
    }),
    [feedback, threshold],
  );
  const latest = feedback.at(-1);
  const summary = latest
    ? `Session feedback over ${String(feedback.length)} sessions. Latest, ${formatDay(latest.sessionDay)}: met goals ${String(latest.goalsRating)} of 10, felt heard ${String(latest.heardRating)} of 10. Each answer is listed below.`
    : 'No session feedback yet.';
  return <EChart option={option} summary={summary} height={240} />;
}

interface PartSeries {
  id: string;
  label: string;
  points: { at: number; day: string; score: number | null }[];
}

/** One series per part of the treatment, in the order the parts first appear. */
export function partSeries(rounds: readonly TreatmentRatingRound[]): PartSeries[] {
  const byId = new Map<string, PartSeries>();
  for (const round of rounds)
    for (const r of round.ratings) {
      const id = `${r.kind}:${r.key}`;
      let s = byId.get(id);
      if (!s) {
        s = { id, label: r.label, points: [] };
        byId.set(id, s);
      }
      s.label = r.label;
      s.points.push({ at: round.ratedAt, day: round.ratedDay, score: r.score });
    }
  return [...byId.values()];
}

/** The four-weekly ratings: one line per part, and the same numbers as a table (parts × rounds). */
export function TreatmentRatingsChart({ rounds }: { rounds: readonly TreatmentRatingRound[] }) {
  const series = useMemo(() => partSeries(rounds), [rounds]);
  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 32, right: 16, top: 48, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#343a40' } },
      xAxis: timeAxis(rounds.map((r) => r.ratedAt)),
      yAxis: ratingAxis,
      series: series.map((s, i) => ({
        name: s.label,
        type: 'line',
        connectNulls: false,
        data: s.points.map((p) => [p.at, p.score]),
        symbol: SYMBOLS[i % SYMBOLS.length],
        symbolSize: 9,
        lineStyle: { width: 3, type: DASHES[i % DASHES.length], color: PALETTE[i % PALETTE.length] },
        itemStyle: { color: PALETTE[i % PALETTE.length] },
      })),
    }),
    [rounds, series],
  );
  const last = rounds.at(-1);
  const summary = last
    ? `How much each part of the treatment helps, rated ${String(rounds.length)} times. Latest, ${formatDay(last.ratedDay)}: ${last.ratings
        .map((r) => `${r.label} ${r.score === null ? 'not sure' : `${String(r.score)} of 10`}`)
        .join('; ')}. The table below has every rating.`
    : 'No ratings yet.';
  if (rounds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No ratings yet. The patient is asked four weeks after enrolment, then every four weeks.
      </Text>
    );
  return (
    <>
      <EChart option={option} summary={summary} height={260} />
      <ScrollTable label="Treatment ratings table">
        <Table striped withTableBorder mt="sm" fz="sm">
          <Table.Caption>Ratings 0-10 (10 = helps a great deal); a dash: not sure or not rated</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Part of the treatment</Table.Th>
              {rounds.map((r) => (
                <Table.Th scope="col" key={r.id}>
                  {formatDay(r.ratedDay)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Th scope="row">{s.label}</Table.Th>
                {rounds.map((r) => {
                  const score = r.ratings.find((x) => `${x.kind}:${x.key}` === s.id)?.score;
                  return <Table.Td key={r.id}>{score ?? '–'}</Table.Td>;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
