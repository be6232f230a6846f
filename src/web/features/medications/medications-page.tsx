import { Alert as Callout, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { useCurrentUser } from '../../app/session';
import { fullName } from '../../components/format';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePatient } from '../patients/api';
import { useMedications } from './api';
import { ShowingLatest } from '../../components/showing-latest';
import { MedicationItem } from './medication-item';
import { NO_E_PRESCRIBING, splitCurrentPast } from './medication-words';
import { MonitoringCard } from './monitoring-card';
import { StartMedicationForm } from './start-medication-form';
import { SideEffectReportsCard } from '../side-effects/reports-card';
import { AdherenceCard } from '../adherence/adherence-card';

/** /patients/:patientId/medications — the regimen, its history and monitoring; the prescriber changes it here. */
export function MedicationsPage() {
  const { patientId = '' } = useParams();
  const user = useCurrentUser();
  const patient = usePatient(patientId);
  const meds = useMedications(patientId);
  const [starting, setStarting] = useState(false);

  if (patient.isPending || meds.isPending) return <LoadingState label="Loading medications…" />;
  if (patient.isError || meds.isError) {
    const error = patient.error ?? meds.error;
    if (isApiError(error, 'not_found'))
      return (
        <NotFoundPage
          title="Patient not found"
          message="You can only open the medications of patients whose care team you are on."
          backTo="/caseload"
          backLabel="Back to my caseload"
        />
      );
    return <ErrorState error={error} onRetry={() => void meds.refetch()} />;
  }

  const name = fullName(patient.data);
  const canPrescribe =
    user.role === 'prescriber' &&
    patient.data.careTeam.some((m) => m.userId === user.id && m.role === 'prescriber');
  const { current, past } = splitCurrentPast(meds.data.medications);
  const today = meds.data.today;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <PageTitle documentTitle={`Medications · ${name}`}>Medications</PageTitle>
        {canPrescribe && !starting && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStarting(true)}>
            Start a medication
          </Button>
        )}
      </Group>
      {!canPrescribe && (
        <Callout color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          Only the prescriber on {name}'s care team starts or changes medications.{' '}
          {NO_E_PRESCRIBING.split('.')[0]}.
        </Callout>
      )}
      {starting && (
        <StartMedicationForm patientId={patientId} today={today} onDone={() => setStarting(false)} />
      )}

      <section aria-labelledby="current-medications-heading">
        <Title order={2} size="h4" id="current-medications-heading" mb="xs">
          Current
        </Title>
        <Stack gap="sm">
          {current.length === 0 && (
            <Text size="sm" c="dimmed">
              No current medications.
            </Text>
          )}
          {current.map((m) => (
            <MedicationItem
              key={m.id}
              patientId={patientId}
              medication={m}
              today={today}
              canPrescribe={canPrescribe}
            />
          ))}
        </Stack>
      </section>

      <MonitoringCard patientId={patientId} canRecord={canPrescribe} />

      {/* Other features' cards about this patient's medications (one line each). */}
      <Stack gap="md">
        <AdherenceCard patientId={patientId} />
        <SideEffectReportsCard patientId={patientId} />
      </Stack>

      {past.length > 0 && (
        <section aria-labelledby="past-medications-heading">
          <Title order={2} size="h4" id="past-medications-heading" mb="xs">
            Past
          </Title>
          <Stack gap="sm">
            {past.map((m) => (
              <MedicationItem
                key={m.id}
                patientId={patientId}
                medication={m}
                today={today}
                canPrescribe={false}
              />
            ))}
          </Stack>
          <ShowingLatest shown={past.length} hasMore={meds.data.hasMore} what="past medications" />
        </section>
      )}
      <Text size="xs" c="dimmed">
        Times are in {name}'s time zone ({meds.data.timeZone}). {NO_E_PRESCRIBING}
      </Text>
    </Stack>
  );
}
