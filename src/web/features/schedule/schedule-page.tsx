import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import type { ScheduleItem } from '../../../shared/schedule/api';
import { PATIENT_DAYTIME } from '../../../shared/schedule/api';
import { eachDay, instantAt, localDate } from '../../../shared/time/index';
import { browserTimeZone, browserToday, formatDay, roleLabel } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { formatClock, timeThere } from '../../lib/format-time';
import { MODE_LABELS, TYPE_LABELS } from '../appointments/words';
import type { Role } from '../../../shared/accounts/api';
import { useSchedule } from './api';
import { daysShown, stepFrom, type ScheduleView } from './schedule-days';

const isDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** "7:00 AM–10:00 PM" in the viewer's locale, on the patient's clock that day. */
function daytimeWords(item: ScheduleItem): string {
  const zone = item.patient?.timeZone ?? browserTimeZone();
  const day = localDate(item.startsAt, zone);
  const clock = (t: string) => formatClock(instantAt(day, t, zone), zone);
  return `${clock(PATIENT_DAYTIME.from)}–${clock(PATIENT_DAYTIME.until)}`;
}

function AppointmentCard({ item, showClinician }: { item: ScheduleItem; showClinician: boolean }) {
  const theirs = item.patient ? timeThere(item.startsAt, item.patient.timeZone, { timeOnly: true }) : null;
  const title = item.patient
    ? `${item.patient.givenName} ${item.patient.familyName}`
    : 'Booked (another team)';
  return (
    <Paper component="li" withBorder p="xs" radius="sm" style={{ minWidth: 0 }}>
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {formatClock(item.startsAt)}–{formatClock(item.endsAt)}
        </Text>
        {theirs && (
          <Text size="xs" c="dimmed">
            {theirs}, patient&apos;s time
          </Text>
        )}
        {item.patient ? (
          <Anchor
            component={Link}
            to={`/patients/${encodeURIComponent(item.patient.id)}/appointments`}
            size="sm"
            fw={600}
          >
            {title}
          </Anchor>
        ) : (
          <Text size="sm">{title}</Text>
        )}
        <Text size="xs">
          {TYPE_LABELS[item.type]} · {MODE_LABELS[item.mode]}
          {item.room ? ` · ${item.room}` : ''}
          {showClinician ? ` · ${item.clinicianName}` : ''}
        </Text>
        {item.telehealthUrl && (
          <Anchor href={item.telehealthUrl} target="_blank" rel="noopener noreferrer" size="xs">
            Join the video call
          </Anchor>
        )}
        {item.outsidePatientDaytime && (
          <Badge
            color="orange.9"
            variant="light"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            style={{ whiteSpace: 'normal', height: 'auto' }}
          >
            Outside the patient&apos;s daytime ({daytimeWords(item)} their time)
          </Badge>
        )}
      </Stack>
    </Paper>
  );
}

/** A clinician's (or the clinic's) day or week of appointments, in the viewer's zone (issue 15). */
export function SchedulePage() {
  const [params, setParams] = useSearchParams();
  const view: ScheduleView = params.get('view') === 'day' ? 'day' : 'week';
  const anchorParam = params.get('day');
  const anchor = isDay(anchorParam) ? anchorParam : browserToday();
  const clinician = params.get('clinician') ?? 'me';
  const zone = browserTimeZone();
  const { from, to } = daysShown(anchor, view);
  const schedule = useSchedule(from, to, zone, clinician);
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const byDay = new Map<string, ScheduleItem[]>();
  for (const item of schedule.data?.appointments ?? []) {
    const key = localDate(item.startsAt, zone);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }
  const unit = view === 'day' ? 'day' : 'week';

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Schedule</PageTitle>
        <Text c="dimmed">
          Times in your time zone ({zone}); the patient&apos;s own time is shown beside it when it differs.
        </Text>
      </div>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(v) => update({ view: v })}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
        />
        <Group gap={4}>
          <Button
            variant="default"
            onClick={() => update({ day: stepFrom(anchor, view, -1) })}
            leftSection={<IconChevronLeft size={16} aria-hidden />}
          >
            Previous {unit}
          </Button>
          <Button variant="default" onClick={() => update({ day: browserToday() })}>
            Today
          </Button>
          <Button
            variant="default"
            onClick={() => update({ day: stepFrom(anchor, view, 1) })}
            rightSection={<IconChevronRight size={16} aria-hidden />}
          >
            Next {unit}
          </Button>
        </Group>
        <Select
          label="Whose schedule"
          value={clinician}
          allowDeselect={false}
          onChange={(v) => {
            if (v) update({ clinician: v });
          }}
          data={[
            { value: 'me', label: 'Mine' },
            { value: 'all', label: 'The whole clinic' },
            ...(schedule.data?.clinicians ?? []).map((c) => ({
              value: c.id,
              label: `${c.name} (${roleLabel(c.role as Role)})`,
            })),
          ]}
          w={260}
        />
      </Group>
      <Title order={2} size="h4" aria-live="polite">
        {from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`}
      </Title>
      {schedule.isPending && <LoadingState label="Loading the schedule…" />}
      {schedule.isError && <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />}
      {schedule.data && (
        <SimpleGrid cols={{ base: 1, md: view === 'week' ? 7 : 1 }} spacing="xs">
          {eachDay(from, to).map((day) => {
            const items = byDay.get(day) ?? [];
            return (
              <Stack
                component="section"
                key={day}
                gap={4}
                aria-label={formatDay(day)}
                style={{ minWidth: 0 }}
              >
                <Text fw={700} size="sm" c={day === browserToday() ? 'blue.9' : undefined}>
                  {formatDay(day)}
                  {day === browserToday() ? ' (today)' : ''}
                </Text>
                {items.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    Nothing booked
                  </Text>
                ) : (
                  <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
                    {items.map((item) => (
                      <AppointmentCard
                        key={item.appointmentId}
                        item={item}
                        showClinician={clinician !== 'me'}
                      />
                    ))}
                  </Stack>
                )}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
