import { Paper, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { PracticeEntry } from '../../../shared/practice/schemas';
import { beliefSeries, type BeliefPoint } from '../../../shared/practice/review';
import { EChart, type EChartOption } from '../../components/echart';
import { formatDay } from '../../components/format';

function option(points: readonly BeliefPoint[]): EChartOption {
  const x = points.map((p) => formatDay(p.day));
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 36, bottom: 32 },
    legend: { top: 0, textStyle: { color: '#343a40' } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: x, axisLabel: { color: '#343a40', hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: 'Hot thought, before',
        type: 'line',
        data: points.map((p) => p.before),
        connectNulls: true,
        symbolSize: 9,
        lineStyle: { width: 3, color: '#c92a2a' },
        itemStyle: { color: '#c92a2a' },
      },
      {
        name: 'Hot thought, after',
        type: 'line',
        data: points.map((p) => p.after),
        connectNulls: true,
        symbol: 'diamond',
        symbolSize: 10,
        lineStyle: { width: 3, color: '#1864ab', type: 'dashed' },
        itemStyle: { color: '#1864ab' },
      },
      {
        name: 'Balanced thought',
        type: 'line',
        data: points.map((p) => p.balanced),
        connectNulls: true,
        symbol: 'triangle',
        symbolSize: 9,
        lineStyle: { width: 2, color: '#2b8a3e', type: 'dotted' },
        itemStyle: { color: '#2b8a3e' },
      },
    ],
  };
}

function summary(points: readonly BeliefPoint[]): string {
  const paired = points.filter((p) => p.before !== null && p.after !== null);
  const drop = paired.map((p) => (p.before ?? 0) - (p.after ?? 0));
  const mean = drop.length > 0 ? Math.round(drop.reduce((a, b) => a + b, 0) / drop.length) : null;
  return `Belief ratings of ${String(points.length)} thought records. ${
    mean === null
      ? 'No record has a before and after rating yet.'
      : `Belief in the hot thought fell by ${String(mean)} points on average from before to after.`
  }`;
}

/** Thought-record belief ratings before and after, with the same numbers in a table. */
export function BeliefChart({ entries }: { entries: readonly PracticeEntry[] }) {
  const points = useMemo(
    () =>
      beliefSeries(
        entries.flatMap((e) =>
          e.type === 'thought_record' ? [{ id: e.id, day: e.day, status: e.status, content: e.content }] : [],
        ),
      ),
    [entries],
  );
  const chart = useMemo(() => option(points), [points]);
  if (points.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="belief-heading">
      <Title order={2} size="h4" id="belief-heading">
        Thought records: belief before and after
      </Title>
      <Text size="sm" c="dark.4" mb="xs">
        {summary(points)}
      </Text>
      <EChart option={chart} summary={summary(points)} height={240} />
      {/* A table ignores a 1px width: the wrapper is what hides it. */}
      <div className="visually-hidden">
        <Table>
          <Table.Caption>Thought-record belief ratings (0-100)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Day</Table.Th>
              <Table.Th scope="col">Hot thought</Table.Th>
              <Table.Th scope="col">Before</Table.Th>
              <Table.Th scope="col">After</Table.Th>
              <Table.Th scope="col">Balanced thought</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.entryId}>
                <Table.Td>{formatDay(p.day)}</Table.Td>
                <Table.Td>{p.hotThought ?? '—'}</Table.Td>
                <Table.Td>{p.before ?? '—'}</Table.Td>
                <Table.Td>{p.after ?? '—'}</Table.Td>
                <Table.Td>{p.balanced ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
