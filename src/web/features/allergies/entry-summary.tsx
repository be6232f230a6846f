import { Group, Stack, Text } from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { conditionLabels } from '../../../shared/medication-safety/safety-profile';
import type { SafetyEntry } from './api';
import { classesText, severityWords, type Audience } from './words';

const severityColor = { mild: 'gray', moderate: 'yellow', severe: 'red' } as const;

/** What an entry says, in the reader's words. */
export function EntryFacts({ entry, audience }: { entry: SafetyEntry; audience: Audience }) {
  if (entry.kind === 'allergy')
    return (
      <Stack gap={2}>
        <Group gap="xs">
          <Text fw={600}>{entry.substance}</Text>
          <SoftBadge color={severityColor[entry.severity]}>{severityWords[entry.severity]}</SoftBadge>
        </Group>
        <Text size="sm">{entry.reaction}</Text>
        {entry.notes && (
          <Text size="sm" c="dimmed">
            {entry.notes}
          </Text>
        )}
      </Stack>
    );
  if (entry.kind === 'other_medicine')
    return (
      <Stack gap={2}>
        <Group gap="xs">
          <Text fw={600}>{entry.name}</Text>
          {audience === 'clinician' &&
            (entry.match ? (
              <SoftBadge color="blue">{`${entry.match.name}: ${classesText(entry.match.classes)}`}</SoftBadge>
            ) : (
              <SoftBadge color="gray">Not in Duet’s checked list</SoftBadge>
            ))}
        </Group>
        {entry.doseText && <Text size="sm">{entry.doseText}</Text>}
        {entry.notes && (
          <Text size="sm" c="dimmed">
            {entry.notes}
          </Text>
        )}
      </Stack>
    );
  return (
    <Stack gap={2}>
      <Text fw={600}>{conditionLabels[entry.condition][audience]}</Text>
      {entry.notes && (
        <Text size="sm" c="dimmed">
          {entry.notes}
        </Text>
      )}
    </Stack>
  );
}

/** Who entered it and who confirmed it, with when. */
export function EntryProvenance({ entry, audience }: { entry: SafetyEntry; audience: Audience }) {
  const by = entry.enteredBy.role === 'patient' && audience === 'patient' ? 'you' : entry.enteredBy.name;
  const parts = [`Entered by ${by}, ${formatDateTime(entry.enteredAt)}`];
  if (entry.status === 'confirmed' && entry.reviewedBy && entry.reviewedBy.id !== entry.enteredBy.id)
    parts.push(`confirmed by ${entry.reviewedBy.name}`);
  if (entry.status === 'rejected' && entry.reviewedBy)
    parts.push(`not confirmed by ${entry.reviewedBy.name}`);
  return (
    <Text size="xs" c="dimmed">
      {parts.join('; ')}
    </Text>
  );
}
