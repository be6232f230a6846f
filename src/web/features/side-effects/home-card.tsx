import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPill } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useReportForm } from './api';

/**
 * The patient home's one side-effects card: "Side effects? Tell your prescriber". Shown while the patient
 * has a current medication (the report form's list).
 */
export function SideEffectsHomeCard({ patientId }: { patientId: string }) {
  const form = useReportForm(patientId);
  if (!form.data || form.data.medications.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="side-effects-heading">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3" id="side-effects-heading">
            Side effects? Tell your prescriber
          </Title>
          <Text size="sm" c="dimmed">
            Something bothering you since starting or changing a medication? Let them know.
          </Text>
        </div>
        <Group gap="sm" wrap="wrap" style={{ flex: '1 1 auto' }} justify="flex-end">
          <Button
            component={Link}
            to="/home/side-effects/new"
            leftSection={<IconPill size={18} aria-hidden />}
            style={{ flex: '1 1 auto' }}
            className="duet-maw-sm-260"
          >
            Report a side effect
          </Button>
          <Button
            component={Link}
            to="/home/side-effects"
            variant="default"
            style={{ flex: '1 1 auto' }}
            className="duet-maw-sm-200"
          >
            My reports
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
