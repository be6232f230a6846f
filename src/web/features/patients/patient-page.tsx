import { Anchor, Button, Grid, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { fullName } from '../../components/format';
import { ConsultsCard } from '../messaging/consults-card';
import { MessagesCard } from '../messaging/messages-card';
import { PlanCard } from '../treatment-plan/plan-status';
import { PatientAlertsCard } from '../inbox/patient-alerts-card';
import { SymptomsCard } from '../measures/symptoms-card';
import { PracticeCard } from '../practice/practice-card';
import { WhatHelpsCard } from '../feedback/what-helps-card';
import { MedicationsCard } from '../medications/medications-card';
import { SideEffectsSummaryCard } from '../side-effects/summary-card';
import { SafetyProfileCard } from '../allergies/safety-profile-card';
import { AppointmentsCard } from '../appointments/appointments-card';
import { AdherenceSummaryCard } from '../adherence/adherence-summary-card';
import { CaseReviewCard } from '../registry/case-review-card';
import { CareContactsCard } from '../case-review/care-contacts-card';
import { TeamSummariesCard } from '../notes/team-summaries-card';
import { DocumentsMenu } from '../documents/documents-menu';
import { TeamAgendaCard } from '../visits/team-agenda-card';
import { AccessReportCard } from './access-report-card';
import { usePatient } from './api';
import { CareTeamCard } from './care-team-card';
import { DemographicsCard } from './demographics-card';
import { PatientHeader } from './patient-header';
import { TeamHistoryCard } from './team-history-card';

export function PatientPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);

  if (patient.isPending) return <LoadingState label="Loading patient…" />;
  if (patient.isError) {
    if (isApiError(patient.error, 'not_found')) {
      return (
        <NotFoundPage
          title="Patient not found"
          message="There is no patient at this address on your caseload. You can only open the records of patients whose care team you are on."
          backTo="/caseload"
          backLabel="Back to my caseload"
        />
      );
    }
    return (
      <Stack>
        <PageTitle>Patient</PageTitle>
        <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />
      </Stack>
    );
  }

  const data = patient.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/caseload" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> My caseload
      </Anchor>
      <PatientHeader patient={data} />
      <Group gap="sm">
        <Button component={Link} to={`/patients/${encodeURIComponent(data.id)}/timeline`} variant="light">
          Timeline
        </Button>
        <DocumentsMenu patientId={data.id} />
      </Group>
      <TeamAgendaCard patientId={data.id} />
      <TeamSummariesCard patientId={data.id} />
      <Grid gap="md">
        {/* Left: the clinical picture (how the patient is doing and what each part of treatment does). */}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <SymptomsCard patientId={data.id} />
            <MedicationsCard patientId={data.id} />
            <AdherenceSummaryCard patientId={data.id} />
            <SideEffectsSummaryCard patientId={data.id} />
            <SafetyProfileCard patientId={data.id} />
            <AppointmentsCard patientId={data.id} />
            <PracticeCard patientId={data.id} />
            <WhatHelpsCard patientId={data.id} />
          </Stack>
        </Grid.Col>
        {/* Right: what needs doing and who is doing it. */}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <PatientAlertsCard patientId={data.id} />
            <PlanCard patientId={data.id} />
            <MessagesCard patientId={data.id} patientName={fullName(data)} />
            <ConsultsCard patient={data} />
            <CaseReviewCard patientId={data.id} />
            <CareContactsCard patientId={data.id} patientName={fullName(data)} />
            <CareTeamCard patient={data} />
            <DemographicsCard patient={data} />
            <TeamHistoryCard patientId={data.id} />
            <AccessReportCard patientId={data.id} timeZone={data.timeZone} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
