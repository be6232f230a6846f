import { Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { AppointmentList } from '../../../shared/appointments/schemas';
import { fullName } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePatient } from '../patients/api';
import { useAppointments } from './api';
import { AppointmentRow } from './appointment-row';
import { AttendanceChart } from './attendance-chart';
import { ScheduleForm } from './schedule-form';

function AppointmentSection({
  title,
  id,
  list,
  items,
  empty,
  patientId,
  now,
}: {
  title: string;
  id: string;
  list: AppointmentList;
  items: AppointmentList['appointments'];
  empty: string;
  patientId: string;
  now: number;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap={0} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => (
            <AppointmentRow
              key={a.id}
              patientId={patientId}
              appointment={a}
              now={now}
              canSetAttendance={list.canSetAttendance}
              canManage={list.canBook}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The clinician's appointments page for one patient: schedule, upcoming, past with attendance, and the rate. */
export function AppointmentsPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const appointments = useAppointments(patientId);
  const now = Date.now();
  const list = appointments.data;
  const upcoming = (list?.appointments ?? []).filter((a) => a.startsAt > now);
  const past = (list?.appointments ?? []).filter((a) => a.startsAt <= now).reverse();

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Back to the patient
      </Anchor>
      <PageTitle documentTitle="Appointments">
        {patient.data ? `Appointments · ${fullName(patient.data)}` : 'Appointments'}
      </PageTitle>
      {appointments.isPending && <LoadingState label="Loading appointments…" />}
      {appointments.isError && (
        <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />
      )}
      {list && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <AppointmentSection
                title="Upcoming"
                id="upcoming-heading"
                list={list}
                items={upcoming}
                empty="Nothing booked."
                patientId={patientId}
                now={now}
              />
              <AppointmentSection
                title="Past"
                id="past-heading"
                list={list}
                items={past}
                empty="No past appointments."
                patientId={patientId}
                now={now}
              />
              {list.hasMore && (
                <Text size="sm" c="dimmed">
                  Showing the latest {past.length} past appointments; older ones are not listed.
                </Text>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <ScheduleForm patientId={patientId} timeZone={list.timeZone} canBook={list.canBook} />
              <AttendanceChart patientId={patientId} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
