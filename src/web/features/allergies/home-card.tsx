// The patient home's card for allergies and other medicines: its own small module, so Today does not load the
// allergies page's entry form, its schemas and zod (issue 17, "Fast").
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSafetyProfile } from './api';

/** The patient home's link to their allergies and other medicines. */
export function AllergiesHomeCard({ patientId }: { patientId: string }) {
  const profile = useSafetyProfile(patientId);
  const waiting = (profile.data?.entries ?? []).filter((e) => e.status === 'pending').length;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="allergies-home-heading">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3" id="allergies-home-heading">
            Allergies and other medicines
          </Title>
          <Text size="sm" c="dimmed">
            {waiting > 0
              ? `${String(waiting)} waiting for your care team to confirm.`
              : 'Allergic to something, or taking medicines from elsewhere? Tell your care team.'}
          </Text>
        </div>
        <Button
          component={Link}
          to="/home/allergies"
          variant="default"
          className="duet-maw-sm-260"
          style={{ flex: '1 1 auto' }}
        >
          My allergies and medicines
        </Button>
      </Group>
    </Card>
  );
}
