import { Alert as Callout, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Appointment } from '../../../shared/appointments/schemas';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { PageTitle } from '../../components/page-title';
import { ErrorState, errorMessage, LoadingState } from '../../components/query-state';
import { useAppointments, useCancelAppointment } from './api';
import { MODE_LABELS, TYPE_FOR_PATIENT, whenWords } from './patient-words';

const DAY_MS = 24 * 3_600_000;

function CancelBox({
  patientId,
  appointment,
  onDone,
}: {
  patientId: string;
  appointment: Appointment;
  onDone: () => void;
}) {
  const cancel = useCancelAppointment(patientId);
  const [reason, setReason] = useState('');
  const late = appointment.startsAt - Date.now() < DAY_MS;
  return (
    <Stack gap="sm" mt="sm">
      {late && (
        <Callout color="orange" variant="light">
          This is less than a day away, so it counts as a late cancellation. That is all right: your care team
          would rather know.
        </Callout>
      )}
      <Textarea
        label="Anything you want your care team to know (optional)"
        maxLength={500}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {cancel.isError && (
        <Callout color="red" variant="light" role="alert">
          {errorMessage(cancel.error)}
        </Callout>
      )}
      <Stack gap="xs">
        <Button
          color="red"
          size="md"
          fullWidth
          loading={cancel.isPending}
          onClick={() =>
            cancel.mutate(
              { appointment, scope: 'one', reason: reason.trim() === '' ? null : reason.trim() },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    title: 'Cancelled',
                    message: 'Your care team can see it.',
                  });
                  onDone();
                },
              },
            )
          }
        >
          Cancel appointment
        </Button>
        <Button variant="default" size="md" fullWidth onClick={onDone}>
          Keep it
        </Button>
      </Stack>
    </Stack>
  );
}

function AppointmentCard({ patientId, appointment: a }: { patientId: string; appointment: Appointment }) {
  const [cancelling, setCancelling] = useState(false);
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div>
          <Text fw={700} size="lg">
            {whenWords(a)}
          </Text>
          <Text size="sm">
            {TYPE_FOR_PATIENT[a.type]} with {a.clinicianName}
          </Text>
          <Text size="sm" c="dimmed">
            {a.durationMinutes} minutes · {MODE_LABELS[a.mode]}
            {a.location ? ` · ${a.location}` : ''}
          </Text>
        </div>
        {a.status === 'cancelled' && <SoftBadge color="gray">Cancelled</SoftBadge>}
      </Group>
      {a.status === 'scheduled' && !cancelling && (
        <Button variant="subtle" color="red" mt="xs" size="md" onClick={() => setCancelling(true)}>
          I can&apos;t come
        </Button>
      )}
      {cancelling && <CancelBox patientId={patientId} appointment={a} onDone={() => setCancelling(false)} />}
    </Card>
  );
}

/** The patient's upcoming appointments, in their own time zone, with a way to cancel one. */
export function PatientAppointmentsPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const upcoming = useAppointments(patientId, 'upcoming');
  const items = upcoming.data?.appointments ?? [];
  return (
    <Stack gap="md">
      <PageTitle documentTitle="My appointments">My appointments</PageTitle>
      {upcoming.data && (
        <Text c="dimmed" size="sm">
          Times are in your time zone ({upcoming.data.timeZone}). You get an email reminder the day before.
        </Text>
      )}
      {upcoming.isPending && <LoadingState label="Loading your appointments…" />}
      {upcoming.isError && <ErrorState error={upcoming.error} onRetry={() => void upcoming.refetch()} />}
      {upcoming.data && items.length === 0 && (
        <Text>Nothing booked yet. Your care team will set up your appointments with you.</Text>
      )}
      {items.length > 0 && (
        <section aria-labelledby="upcoming-list-heading">
          <Title order={2} size="h3" id="upcoming-list-heading" mb="sm">
            Coming up
          </Title>
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((a) => (
              <AppointmentCard key={a.id} patientId={patientId} appointment={a} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
