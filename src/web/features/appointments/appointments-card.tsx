import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAppointments, useAttendance } from './api';
import { MODE_LABELS, percent, TYPE_LABELS, whenWords } from './words';

/** The patient overview's compact "Appointments" card: the next two, attendance, and a link to the page. */
export function AppointmentsCard({ patientId }: { patientId: string }) {
  const upcoming = useAppointments(patientId, 'upcoming');
  const attendance = useAttendance(patientId);
  const next = (upcoming.data?.appointments ?? []).filter((a) => a.status === 'scheduled').slice(0, 2);
  const last = attendance.data?.last90Days;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="appointments-card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="appointments-card-heading">
          Appointments
        </Title>
        <Button component={Link} to={`/patients/${patientId}/appointments`} size="xs" variant="light">
          Schedule and attendance
        </Button>
      </Group>
      {upcoming.isPending && <LoadingState />}
      {upcoming.isError && <ErrorState error={upcoming.error} onRetry={() => void upcoming.refetch()} />}
      {upcoming.data && (
        <Stack gap={6}>
          {next.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing booked.
            </Text>
          )}
          {next.map((a) => (
            <Text size="sm" key={a.id}>
              <strong>{whenWords(a)}</strong> · {TYPE_LABELS[a.type]} with {a.clinicianName} (
              {MODE_LABELS[a.mode]})
            </Text>
          ))}
          {last && (
            <Text
              size="sm"
              c={attendance.data && attendance.data.consecutiveNoShows >= 2 ? 'red.8' : 'dimmed'}
            >
              Attendance {percent(last.rate)} in the last 90 days
              {attendance.data && attendance.data.consecutiveNoShows >= 2
                ? ` · ${String(attendance.data.consecutiveNoShows)} no-shows in a row`
                : ''}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
