// The clinician's timeline of one patient (issue 14): one time axis for scores, medicines, adherence,
// sessions, side effects, practice, ratings and the plan; a table of the same marks for screen readers.
import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { addDays } from '../../../shared/time/index';
import type { Timeline } from '../../../shared/timeline/api';
import { formatDay, fullName } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { usePatient } from '../patients/api';
import { useTimeline } from './api';
import { TimelineChart } from './timeline-chart';
import { timelineRows, zooms, type Zoom } from './timeline-rows';

function windowOf(t: Timeline, zoom: Zoom): { from: string; to: string } {
  if (zoom === 'all') return { from: t.from, to: t.to };
  const from = addDays(t.to, -(Number(zoom) - 1));
  return { from: from < t.from ? t.from : from, to: t.to };
}

function summaryOf(t: Timeline, from: string, to: string): string {
  const phq = t.scores.filter(
    (s) => s.instrument === 'phq9' && s.total !== null && s.day >= from && s.day <= to,
  );
  const first = phq[0];
  const last = phq.at(-1);
  const scores =
    first && last && first !== last
      ? `PHQ-9 went from ${String(first.total)} to ${String(last.total)}.`
      : 'Fewer than two PHQ-9 scores in this window.';
  const meds = t.medications.map((m) => m.name).join(', ') || 'no medicines';
  return `Timeline from ${formatDay(from)} to ${formatDay(to)}. ${scores} Medicines: ${meds}. The same marks are in the table below.`;
}

function MarksTable({ timeline, from, to }: { timeline: Timeline; from: string; to: string }) {
  const rows = timelineRows(timeline).filter((r) => r.day >= from && r.day <= to);
  return (
    <ScrollTable label="Timeline as a table">
      <Table striped fz="sm" miw={640}>
        <Table.Caption>
          {rows.length} marks from {formatDay(from)} to {formatDay(to)}, oldest first
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">What happened</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.lane}:${r.id}`}>
              <Table.Td>{formatDay(r.day)}</Table.Td>
              <Table.Td>{r.lane}</Table.Td>
              <Table.Td>{r.what}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={r.href} aria-label={`Open: ${r.what}`}>
                  Open
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function AdherenceTable({ timeline, from, to }: { timeline: Timeline; from: string; to: string }) {
  const weeks = timeline.medications.flatMap((m) =>
    m.weeks
      .filter((w) => addDays(w.weekStart, 6) >= from && w.weekStart <= to)
      .map((w) => ({ name: m.name, ...w })),
  );
  if (weeks.length === 0) return null;
  return (
    <ScrollTable label="Adherence by week">
      <Table fz="sm" miw={420}>
        <Table.Caption>Doses taken by week and medicine</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Week of</Table.Th>
            <Table.Th scope="col">Medicine</Table.Th>
            <Table.Th scope="col">Taken</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((w) => (
            <Table.Tr key={`${w.name}:${w.weekStart}`}>
              <Table.Td>{formatDay(w.weekStart)}</Table.Td>
              <Table.Td>{w.name}</Table.Td>
              <Table.Td>
                {w.taken} of {w.scheduled}
                {w.percent === null ? '' : ` (${String(w.percent)}%)`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function TimelinePage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const timeline = useTimeline(patientId);
  const [zoom, setZoom] = useState<Zoom>('91');
  const [asTable, setAsTable] = useState(false);
  const data = timeline.data;
  const win = useMemo(() => (data ? windowOf(data, zoom) : null), [data, zoom]);
  const name = patient.data ? fullName(patient.data) : 'Patient';

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name}
      </Anchor>
      <PageTitle>Timeline</PageTitle>
      {timeline.isPending ? <LoadingState label="Loading the timeline…" /> : null}
      {timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      {data && win ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            {data.hasMore ? (
              <Text size="sm" c="dimmed">
                Showing the latest ten years, from {formatDay(data.from)}; earlier care is not shown.
              </Text>
            ) : null}
            <Group justify="space-between" wrap="wrap">
              <SegmentedControl
                aria-label="Time span"
                value={zoom}
                onChange={setZoom}
                data={zooms.map((z) => ({ value: z.value, label: z.label }))}
              />
              <Button variant="default" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
                {asTable ? 'Show as chart' : 'Show as table'}
              </Button>
            </Group>
            {asTable ? null : (
              <>
                <TimelineChart
                  timeline={data}
                  from={win.from}
                  to={win.to}
                  summary={summaryOf(data, win.from, win.to)}
                />
                <Text size="xs" c="dimmed">
                  Shaded bands: PHQ-9 severity. Dashed line: response (a 50% fall from the PHQ-9 baseline,
                  instruments.md, ICSI); dotted line: remission (PHQ-9 below 5, ICSI; GAD-7 has no remission
                  rule in Duet&apos;s clinical sources). Click a mark to open its record.
                </Text>
              </>
            )}
            {asTable ? (
              <Stack gap="sm">
                <MarksTable timeline={data} from={win.from} to={win.to} />
                <AdherenceTable timeline={data} from={win.from} to={win.to} />
              </Stack>
            ) : (
              <VisuallyHidden>
                <MarksTable timeline={data} from={win.from} to={win.to} />
                <AdherenceTable timeline={data} from={win.from} to={win.to} />
              </VisuallyHidden>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
