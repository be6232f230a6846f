import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { Role } from '../../../shared/accounts/api';
import type { AccessDay, AccessLine, RefusalLine } from '../../../shared/audit/access-report-schemas';
import { formatTime } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAccessReport, useAccessTimes, type AccessTimesLine } from './api';

type WhoLabel = (who: string, role: Role) => string;

/** "Saturday, 6 December 2026" for a local day (YYYY-MM-DD). */
function dayHeading(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

function when(
  line: { count: number; firstAt: number; lastAt: number },
  timeZone: string,
  withCount: boolean,
): string {
  if (line.count === 1) return `at ${formatTime(line.lastAt, timeZone)}`;
  const span =
    formatTime(line.firstAt, timeZone) === formatTime(line.lastAt, timeZone)
      ? `at ${formatTime(line.lastAt, timeZone)}`
      : `between ${formatTime(line.firstAt, timeZone)} and ${formatTime(line.lastAt, timeZone)}`;
  return withCount ? `${String(line.count)} times, ${span}` : span;
}

function Times(props: { patientId: string; line: AccessTimesLine; timeZone: string; id: string }) {
  const times = useAccessTimes(props.patientId, props.line, true);
  if (times.isPending) return <LoadingState label="Loading times…" />;
  if (times.isError) return <ErrorState error={times.error} onRetry={() => void times.refetch()} />;
  const all = times.data.pages.flatMap((p) => p.times);
  return (
    <Stack gap={4} id={props.id}>
      <Text size="sm" component="ul" style={{ margin: 0, paddingLeft: 20 }}>
        {all.map((t, i) => (
          <li key={`${String(t.at)}-${String(i)}`}>{formatTime(t.at, props.timeZone)}</li>
        ))}
      </Text>
      {times.hasNextPage && (
        <Button
          variant="subtle"
          size="compact-sm"
          loading={times.isFetchingNextPage}
          onClick={() => void times.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          Show earlier times
        </Button>
      )}
    </Stack>
  );
}

/** One line with "Show times" opening its individual times on demand. */
function Line(props: {
  patientId: string;
  timeZone: string;
  line: AccessTimesLine & { count: number; firstAt: number; lastAt: number };
  children: React.ReactNode;
  first: boolean;
}) {
  const [open, setOpen] = useState(false);
  const timesId = useId();
  return (
    <Stack
      component="li"
      gap={4}
      p="sm"
      style={props.first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div style={{ flex: 1, minWidth: 200 }}>
          {props.children}
          <Text size="sm" c="dimmed">
            {when(props.line, props.timeZone, props.line.outcome === 'allowed')}
          </Text>
        </div>
        {props.line.count > 1 && (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={open ? timesId : undefined}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? 'Hide times' : 'Show times'}
          </Button>
        )}
      </Group>
      {open && <Times patientId={props.patientId} line={props.line} timeZone={props.timeZone} id={timesId} />}
    </Stack>
  );
}

function Reads(props: { patientId: string; day: AccessDay; timeZone: string; whoLabel: WhoLabel }) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.day.reads.map((line: AccessLine, i) => (
          <Line
            key={`${line.actorId}-${line.action}`}
            first={i === 0}
            patientId={props.patientId}
            timeZone={props.timeZone}
            line={{ ...line, day: props.day.day, outcome: 'allowed' }}
          >
            <Text size="sm">
              <strong>{props.whoLabel(line.who, line.whoRole)}</strong> {line.words}
            </Text>
          </Line>
        ))}
      </Stack>
    </Card>
  );
}

function Refusals(props: {
  patientId: string;
  day: AccessDay;
  timeZone: string;
  whoLabel: WhoLabel;
  headingOrder: 3 | 4;
}) {
  const headingId = useId();
  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      padding={0}
      bg="red.0"
      style={{ borderColor: 'var(--mantine-color-red-3)' }}
    >
      <Title order={props.headingOrder} size="h6" id={headingId} px="sm" pt="sm" c="red.9">
        Refused attempts
      </Title>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.day.refusals.map((line: RefusalLine, i) => (
          <Line
            key={line.actorId}
            first={i === 0}
            patientId={props.patientId}
            timeZone={props.timeZone}
            line={{ ...line, day: props.day.day, outcome: 'denied' }}
          >
            <Text size="sm">
              {line.count === 1 ? '1 refused attempt' : `${String(line.count)} refused attempts`} by{' '}
              <strong>{props.whoLabel(line.who, line.whoRole)}</strong>
            </Text>
          </Line>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * The access report as people read it: a section per local day, one line per person and action with how many
 * times and when ("Show times" lists them), refused attempts apart in their own box, older days on request.
 */
export function AccessReportList(props: {
  patientId: string;
  timeZone: string;
  whoLabel: WhoLabel;
  headingOrder: 2 | 3;
  empty: string;
}) {
  const report = useAccessReport(props.patientId);
  if (report.isPending) return <LoadingState label="Loading…" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const days = report.data.pages.flatMap((p) => p.days);
  if (days.length === 0) return <Text>{props.empty}</Text>;
  return (
    <Stack gap="lg">
      {days.map((day) => (
        <section key={day.day} aria-label={dayHeading(day.day)}>
          <Title order={props.headingOrder} size="h4" mb="xs">
            {dayHeading(day.day)}
          </Title>
          <Stack gap="sm">
            {day.reads.length > 0 && (
              <Reads
                patientId={props.patientId}
                day={day}
                timeZone={props.timeZone}
                whoLabel={props.whoLabel}
              />
            )}
            {day.refusals.length > 0 && (
              <Refusals
                patientId={props.patientId}
                day={day}
                timeZone={props.timeZone}
                whoLabel={props.whoLabel}
                headingOrder={props.headingOrder === 2 ? 3 : 4}
              />
            )}
          </Stack>
        </section>
      ))}
      {report.hasNextPage && (
        <Button
          variant="default"
          loading={report.isFetchingNextPage}
          onClick={() => void report.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          Show earlier days
        </Button>
      )}
    </Stack>
  );
}
