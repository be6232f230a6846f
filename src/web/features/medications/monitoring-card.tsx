import { Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useMonitoring } from './api';
import { AncTableSwitch } from './anc-table-switch';
import { MonitoringDueTable } from './monitoring-due-table';
import { RecordResultForm } from './monitoring-result-form';
import { RecordedResults } from './monitoring-results';

/** Monitoring due and overdue (lithium, clozapine ANC, valproate, antipsychotic metabolic) and results. */
export function MonitoringCard({ patientId, canRecord }: { patientId: string; canRecord: boolean }) {
  const view = useMonitoring(patientId);
  const profiles = view.data?.labProfiles ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="monitoring-heading">
      <Title order={2} size="h4" id="monitoring-heading" mb="sm">
        Monitoring
      </Title>
      {view.isPending && <LoadingState />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && view.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No current medication needs monitoring.
        </Text>
      )}
      {view.data && view.data.items.length > 0 && (
        <Stack gap="sm">
          <MonitoringDueTable items={view.data.items} />
          {profiles.map((p) => (
            <AncTableSwitch
              key={p.medicationId}
              patientId={patientId}
              profile={p}
              canEdit={canRecord}
              medicationName={
                view.data.items.find((i) => i.medicationId === p.medicationId)?.medicationName ?? 'clozapine'
              }
            />
          ))}
          {canRecord && (
            <RecordResultForm
              patientId={patientId}
              items={view.data.items}
              today={view.data.today}
              benignEthnicNeutropenia={profiles.some((p) => p.benignEthnicNeutropenia)}
              clinicUpperLimits={view.data.clinicUpperLimits}
              clinicThresholds={view.data.clinicLabThresholds}
            />
          )}
          {view.data.results.length > 0 && <RecordedResults view={view.data} />}
        </Stack>
      )}
    </Paper>
  );
}
