import { Card, List, Stack, Text, Title } from '@mantine/core';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useMedications } from '../medications/api';
import { periodText } from '../medications/medication-words';

/** The patient's current medicines and the titration or taper steps already planned (helper A's API). */
export function PlanAheadCard({ patientId }: { patientId: string }) {
  const meds = useMedications(patientId);
  const current = (meds.data?.medications ?? []).filter((m) => m.status !== 'stopped');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="plan-ahead-heading">
      <Title order={2} size="h3" id="plan-ahead-heading" mb="xs">
        What you take, and what comes next
      </Title>
      {meds.isPending && <LoadingState label="Loading your medicines…" />}
      {meds.isError && <ErrorState error={meds.error} onRetry={() => void meds.refetch()} />}
      {meds.data && current.length === 0 && <Text c="dimmed">No medicines are recorded for you.</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {current.map((m) => (
          <li key={m.id}>
            <Text fw={700}>{m.name}</Text>
            <Text size="sm">{periodText(m.current)}</Text>
            {m.instructions && (
              <Text size="sm" c="dimmed">
                {m.instructions}
              </Text>
            )}
            {m.upcoming.length > 0 && (
              <List size="sm" mt={4} spacing={2}>
                {m.upcoming.map((p) => (
                  <List.Item key={p.from}>
                    From {formatDay(p.from)}: {periodText(p)}
                  </List.Item>
                ))}
              </List>
            )}
          </li>
        ))}
      </Stack>
    </Card>
  );
}
