import { Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAttendance } from './api';
import { percent } from './words';

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

const monthWords = (month: string) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/**
 * Attendance over time for the team: the monthly rate as a line (attended ÷ attended, no-shows and late
 * cancellations by the patient), the last 90 days in words, and the same numbers in a table for screen readers.
 */
export function AttendanceChart({ patientId }: { patientId: string }) {
  const attendance = useAttendance(patientId);
  const months = useMemo(() => attendance.data?.months ?? [], [attendance.data]);
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 44, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${String(v)}%` },
      xAxis: { type: 'category', data: months.map((m) => monthWords(m.month)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: 'Attendance',
          type: 'line',
          symbolSize: 8,
          connectNulls: true,
          data: months.map((m) => (m.rate === null ? null : Math.round(m.rate * 100))),
          lineStyle: { width: 3 },
        },
      ],
    }),
    [months],
  );
  const last = attendance.data?.last90Days;
  const summary = last
    ? `Attendance in the last 90 days ${percent(last.rate)}: ${String(last.attended)} attended, ${plural(last.noShow, 'no-show')}, ${plural(last.lateCancelled, 'late cancellation')}.`
    : '';

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="attendance-heading">
      <Title order={2} size="h4" id="attendance-heading" mb="xs">
        Attendance
      </Title>
      {attendance.isPending && <LoadingState />}
      {attendance.isError && (
        <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />
      )}
      {attendance.data && last && (
        <>
          <Group gap="lg" mb="xs" wrap="wrap">
            <Text size="sm">
              <strong>{percent(last.rate)}</strong> in the last 90 days
            </Text>
            <Text size="sm" c="dimmed">
              {last.attended} attended · {plural(last.noShow, 'no-show')} ·{' '}
              {plural(last.lateCancelled, 'late cancellation')}
            </Text>
            {attendance.data.consecutiveNoShows >= 2 && (
              <Text size="sm" c="red.8" fw={600}>
                {attendance.data.consecutiveNoShows} no-shows in a row
              </Text>
            )}
            {attendance.data.unmarked > 0 && (
              <Text size="sm" fw={600}>
                {attendance.data.unmarked} past appointment{attendance.data.unmarked === 1 ? '' : 's'} not
                marked yet
              </Text>
            )}
          </Group>
          {months.length === 0 ? (
            <Text size="sm" c="dimmed">
              No past appointments yet.
            </Text>
          ) : (
            <>
              <EChart option={option} summary={summary} height={200} />
              <VisuallyHidden>
                <Table>
                  <Table.Caption>Attendance by month</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Month</Table.Th>
                      <Table.Th scope="col">Rate</Table.Th>
                      <Table.Th scope="col">Attended</Table.Th>
                      <Table.Th scope="col">No-shows</Table.Th>
                      <Table.Th scope="col">Late cancellations</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {months.map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Td>{monthWords(m.month)}</Table.Td>
                        <Table.Td>{percent(m.rate)}</Table.Td>
                        <Table.Td>{m.attended}</Table.Td>
                        <Table.Td>{m.noShow}</Table.Td>
                        <Table.Td>{m.lateCancelled}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </VisuallyHidden>
            </>
          )}
        </>
      )}
    </Paper>
  );
}
