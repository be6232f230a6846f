import { Anchor, Grid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { useCurrentUser } from '../../app/session';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePracticeEntries, usePracticeEntriesCut, usePracticeOverview } from './api';
import { AssignForm } from './assign-form';
import { AssignmentsCard } from './assignments-card';
import { BeliefChart } from './belief-chart';
import { DiaryGridCard } from './diary-grid';
import { EntriesReview } from './entries-review';

/** The team's view of a patient's practice: /patients/:patientId/practice. */
export function ClinicianPracticePage() {
  const { patientId = '' } = useParams();
  const user = useCurrentUser();
  const overview = usePracticeOverview(patientId);
  const entries = usePracticeEntries(patientId);
  const cut = usePracticeEntriesCut(patientId);
  const isTherapist = user.role === 'therapist';

  if (overview.isPending) return <LoadingState label="Loading practice…" />;
  if (overview.isError) {
    if (isApiError(overview.error, 'not_found'))
      return (
        <NotFoundPage
          title="Patient not found"
          message="You can only open the records of patients whose care team you are on."
          backTo="/caseload"
          backLabel="Back to my caseload"
        />
      );
    return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const data = overview.data;
  const visible = entries.data ?? [];
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Patient overview
      </Anchor>
      <div>
        <PageTitle>Practice between sessions</PageTitle>
        {!isTherapist && (
          <Text size="sm" c="dark.4">
            You see the entries the patient shares with the whole team. Entries for the therapist only are not
            shown; completion counts include them.
          </Text>
        )}
        {cut && (
          <Text size="sm" c="dimmed">
            Showing the latest {visible.length} entries; older ones are not listed.
          </Text>
        )}
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            {isTherapist && (
              <AssignForm patientId={patientId} today={data.today} planIptArea={data.planIptProblemArea} />
            )}
            <AssignmentsCard patientId={patientId} assignments={data.assignments} canEnd={isTherapist} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            {entries.isError && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />}
            <BeliefChart entries={visible} />
          </Stack>
        </Grid.Col>
      </Grid>
      <DiaryGridCard entries={visible} today={data.today} />
      <EntriesReview patientId={patientId} entries={visible} canComment={isTherapist} />
    </Stack>
  );
}
