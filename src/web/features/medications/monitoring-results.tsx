// The results recorded for this patient's monitoring (the first ten the server lists), each with its reading.
import { Group, Stack, Text } from '@mantine/core';
import { formatDay } from '../../components/format';
import type { MonitoringView } from './api';
import { LabTierBadge } from './lab-interpretation';

export function RecordedResults({ view }: { view: MonitoringView }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Recorded results
      </Text>
      {view.results.slice(0, 10).map((r) => (
        <Stack gap={0} key={r.id}>
          <Group gap={6}>
            {r.interpretation && <LabTierBadge interpretation={r.interpretation} />}
            <Text size="sm">
              {formatDay(r.takenOn)} · {view.items.find((i) => i.code === r.test)?.label ?? r.test}: {r.value}{' '}
              {r.unit}{' '}
              <Text span size="xs" c="dimmed">
                ({r.recordedBy.name})
              </Text>
            </Text>
          </Group>
          {r.interpretation && r.interpretation.tier !== 'normal' && (
            <Text size="xs">
              {r.interpretation.label}: {r.interpretation.action}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
