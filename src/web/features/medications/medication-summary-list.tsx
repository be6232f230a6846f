import { SoftBadge } from '../../components/badges';
import { Group, List, Text } from '@mantine/core';
import { formatDay } from '../../components/format';
import type { Medication } from './api';
import { doseText, periodText, statusColor, statusLabel } from './medication-words';

/**
 * A compact list of medications: name, today's dose and schedule, status, the next planned step.
 * Reusable wherever the regimen should be visible (patient page, plan view, registry).
 */
export function MedicationSummaryList({
  medications,
  empty = 'No medications recorded.',
}: {
  medications: Medication[];
  empty?: string;
}) {
  if (medications.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <List spacing={6} listStyleType="none" p={0} m={0}>
      {medications.map((med) => {
        const next = med.upcoming[0];
        return (
          <List.Item key={med.id}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {med.name}
              </Text>
              <Text size="sm">{periodText(med.current)}</Text>
              {med.status !== 'active' && (
                <SoftBadge size="sm" color={statusColor[med.status]}>
                  {statusLabel[med.status]}
                </SoftBadge>
              )}
            </Group>
            {next && med.status !== 'stopped' && (
              <Text size="xs" c="dimmed">
                Next: {next.paused ? 'pause' : doseText(next)} from {formatDay(next.from)}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
