import { SoftBadge } from '../../components/badges';
import { Group, Text, Timeline } from '@mantine/core';
import { ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTime, formatDay } from '../../components/format';
import { useMedication } from './api';
import { changeLabel } from './medication-words';

/** Every change of one medication, newest first, with who, when, from which day and why. */
export function MedicationHistory({ patientId, medicationId }: { patientId: string; medicationId: string }) {
  const detail = useMedication(patientId, medicationId);
  if (detail.isPending) return <LoadingState label="Loading history…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label="Change history">
      {detail.data.changes.map((c) => (
        <Timeline.Item
          key={c.id}
          title={
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {changeLabel[c.kind]}
              </Text>
              <Text size="xs" c="dimmed">
                from {formatDay(c.effectiveOn)}
              </Text>
              {c.sideEffectReportId && (
                <SoftBadge size="xs" color="grape">
                  answers a side-effect report
                </SoftBadge>
              )}
            </Group>
          }
        >
          <Text size="sm">{c.summary}</Text>
          <Text size="sm">
            <strong>Reason:</strong> {c.reason}
          </Text>
          {c.overMaximum && (
            <Text size="sm" c="red.9">
              <strong>Above the label maximum:</strong> {c.overMaximum.doses.join(' ')}{' '}
              <strong>Prescriber’s reason:</strong> {c.overMaximum.reason}
            </Text>
          )}
          {(c.safetyAnswers ?? []).map((a) => (
            <Text size="sm" key={a.warningId}>
              <strong>Safety check:</strong> {a.title}. Label: {a.labelAction}{' '}
              <strong>{a.decision === 'proceed' ? 'Proceeded' : 'Changed the prescription'}:</strong>{' '}
              {a.reason}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {c.changedBy.name}, {formatDateTime(c.changedAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
