import { Anchor, Stack } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { AgendaCard } from './agenda-card';

/** The patient's "What I want to talk about", for one appointment (from the appointment card) or the next visit. */
export function AgendaPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const appointmentId = params.get('appointment');
  return (
    <Stack gap="md" maw={640}>
      <PageTitle documentTitle="What I want to talk about">Your next visit</PageTitle>
      {user.patientId && <AgendaCard patientId={user.patientId} appointmentId={appointmentId} />}
      <Anchor component={Link} to="/home">
        Back to home
      </Anchor>
    </Stack>
  );
}
