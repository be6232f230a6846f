import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAppointments } from './api';
import { MODE_LABELS, TYPE_FOR_PATIENT, whenWords } from './patient-words';

/** The patient's home: the next appointment, and a link to all of them. */
export function UpcomingAppointmentsCard({ patientId }: { patientId: string }) {
  const upcoming = useAppointments(patientId, 'upcoming');
  const scheduled = (upcoming.data?.appointments ?? []).filter((a) => a.status === 'scheduled');
  const next = scheduled[0];
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="next-appointment-heading">
      <Title order={2} size="h3" id="next-appointment-heading" mb={4}>
        Your next appointment
      </Title>
      {upcoming.isPending && <LoadingState label="Checking your appointments…" />}
      {upcoming.isError && <ErrorState error={upcoming.error} onRetry={() => void upcoming.refetch()} />}
      {upcoming.data && (
        <Stack gap="sm">
          {next ? (
            <div>
              <Text fw={700} size="lg">
                {whenWords(next)}
              </Text>
              <Text size="sm">
                {TYPE_FOR_PATIENT[next.type]} with {next.clinicianName} · {MODE_LABELS[next.mode]}
                {next.location ? ` · ${next.location}` : ''}
              </Text>
            </div>
          ) : (
            <Text size="sm" c="dimmed">
              Nothing booked yet. Your care team will set up your appointments with you.
            </Text>
          )}
          <Group>
            <Button
              component={Link}
              to="/home/appointments"
              variant="default"
              leftSection={<IconCalendarEvent size={18} aria-hidden />}
              style={{ flex: '1 1 auto' }}
              className="duet-maw-sm-260"
            >
              {scheduled.length > 1 ? `All appointments (${String(scheduled.length)})` : 'My appointments'}
            </Button>
            {next && (
              <Button
                component={Link}
                to={`/home/talk-about?appointment=${encodeURIComponent(next.id)}`}
                variant="light"
                style={{ flex: '1 1 auto' }}
                className="duet-maw-sm-260"
              >
                What I want to talk about
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
