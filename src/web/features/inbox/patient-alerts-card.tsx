import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { severityRank } from '../../../shared/alerts/alert';
import { ErrorState, LoadingState } from '../../components/query-state';
import { AlertItem } from './alert-item';
import { usePatientAlerts, usePatientAlertsCut } from './api';
import { PATIENT_ALERTS_MAX } from '../../../shared/lists/limits';

const FIRST = 5;

/** This patient's alert history: what still needs someone first (urgent first), then the rest, newest first. */
export function PatientAlertsCard({ patientId }: { patientId: string }) {
  const alerts = usePatientAlerts(patientId);
  const cut = usePatientAlertsCut(patientId);
  const [all, setAll] = useState(false);
  const sorted = [...(alerts.data ?? [])].sort((a, b) => {
    const doneA = a.state === 'resolved' ? 1 : 0;
    const doneB = b.state === 'resolved' ? 1 : 0;
    return (
      doneA - doneB ||
      (doneA === 0 ? severityRank[a.severity] - severityRank[b.severity] : 0) ||
      b.createdAt - a.createdAt
    );
  });
  const shown = all ? sorted : sorted.slice(0, FIRST);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="alerts-card-heading">
      <Title order={2} size="h4" id="alerts-card-heading" mb="sm">
        Alerts
      </Title>
      {alerts.isPending && <LoadingState label="Loading alerts…" />}
      {alerts.isError && <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No alerts for this patient.
        </Text>
      )}
      {shown.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((alert) => (
            <AlertItem key={alert.id} alert={alert} showPatient={false} />
          ))}
        </Stack>
      )}
      {cut && (
        <Text size="xs" c="dimmed" mt="sm">
          Showing the latest {PATIENT_ALERTS_MAX} alerts (every open one first); older resolved alerts are not
          listed.
        </Text>
      )}
      {sorted.length > FIRST && (
        <Button variant="subtle" size="xs" mt="sm" onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${String(sorted.length)} alerts`}
        </Button>
      )}
    </Paper>
  );
}
