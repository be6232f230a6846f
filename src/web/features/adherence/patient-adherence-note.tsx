import { Paper, Text } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useAdherence } from './api';
import { encouragement } from './adherence-words';

/**
 * For the patient (on their medications page): the last 30 days in encouraging words, e.g. "You took 26 of
 * your 28 doses in the last 30 days — well done." Shows nothing until there are doses to count.
 */
export function PatientAdherenceNote({ patientId }: { patientId: string }) {
  const adherence = useAdherence(patientId);
  const month = adherence.data?.overall.find((w) => w.days === 30);
  const words = adherence.data ? encouragement(month, adherence.data.thresholdPercent) : null;
  if (!words) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label="How your doses are going"
      bg="teal.0"
    >
      <Text size="md">
        <IconHeartHandshake size={20} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
        {words}
      </Text>
    </Paper>
  );
}
