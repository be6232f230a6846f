import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { SoftBadge } from '../../components/badges';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useDueMeasures } from './api';

/** The patient's home: questionnaires that are due now, each one tap away. */
export function DueMeasuresCard({ patientId }: { patientId: string }) {
  const due = useDueMeasures(patientId);
  const now = (due.data?.measures ?? []).filter((d) => d.status !== 'upcoming');
  const next = (due.data?.measures ?? [])
    .filter((d) => d.status === 'upcoming')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="due-heading">
      <Title order={2} size="h3" id="due-heading" mb={4}>
        Questionnaires due
      </Title>
      {due.isPending && <LoadingState label="Checking your questionnaires…" />}
      {due.isError && <ErrorState error={due.error} onRetry={() => void due.refetch()} />}
      {due.data && now.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing to fill in right now.
          {next ? ` Your next ${next.name} is due on ${formatDay(next.dueDate)}.` : ''}
        </Text>
      )}
      {now.length > 0 && (
        <Stack gap="sm" mt="xs">
          <Text size="sm" c="dimmed">
            A few short questions about the last 2 weeks help you and your care team see how you are doing.
            Each takes about 2 minutes.
          </Text>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {now.map((measure) => (
              <Group
                component="li"
                key={measure.instrument}
                justify="space-between"
                wrap="wrap"
                gap="xs"
                p="sm"
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              >
                <div>
                  <Group gap="xs">
                    <Text fw={700}>{measure.name}</Text>
                    {measure.status === 'overdue' && <SoftBadge color="orange">Overdue</SoftBadge>}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {measure.isBaseline ? 'Your first one. ' : ''}
                    {measure.earlyTreatmentWatch === true
                      ? 'An extra check-in while your new medicine or dose settles in. '
                      : ''}
                    Due {formatDay(measure.dueDate)}
                  </Text>
                </div>
                <Button
                  component={Link}
                  to={`/home/measures/${encodeURIComponent(measure.instrument)}`}
                  leftSection={<IconChecklist size={18} aria-hidden />}
                  style={{ flex: '1 1 auto' }}
                  className="duet-maw-sm-220"
                  aria-label={`Start ${measure.name}`}
                >
                  Start
                </Button>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}
