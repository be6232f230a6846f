import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconBarbell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { practiceKind } from '../../../shared/practice/library';
import { ErrorState } from '../../components/query-state';
import { usePracticeOverview } from './api';

/** The patient home's "Practice" card: what the therapist asked for, one tap to it. */
export function PracticeHomeCard({ patientId }: { patientId: string }) {
  const overview = usePracticeOverview(patientId);
  const active = (overview.data?.assignments ?? []).filter((a) => a.status === 'active');
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data || active.length === 0) return null;
  const drafts = active.filter((a) => a.draftEntryId !== null).length;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="practice-heading">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3" id="practice-heading">
            Practice between sessions
          </Title>
          <Text size="sm" c="dimmed">
            {active.map((a) => practiceKind(a.type).patientName).join(', ')}
            {drafts > 0 ? ` · ${String(drafts)} to finish` : ''}
          </Text>
        </div>
        <Button
          component={Link}
          to="/home/practice"
          leftSection={<IconBarbell size={18} aria-hidden />}
          style={{ flex: '1 1 auto' }}
          className="duet-maw-sm-240"
        >
          My practice
        </Button>
      </Group>
    </Card>
  );
}
