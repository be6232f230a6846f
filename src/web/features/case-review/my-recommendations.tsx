import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useMyRecommendations } from './api';
import { TrackedRecommendation } from './tracked-recommendation';

/** "My recommendations": the open ones assigned to me, due first; each closes where it is shown. */
export function MyRecommendationsCard() {
  const mine = useMyRecommendations();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="my-recommendations-heading">
      <Title order={2} size="h4" id="my-recommendations-heading" mb="sm">
        My recommendations
      </Title>
      {mine.isPending && <LoadingState />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data?.recommendations.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing assigned to you is open.
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(mine.data?.recommendations ?? []).map((r) => (
          <Stack key={r.id} gap={2} component="li">
            <Group gap="xs">
              <Anchor component={Link} to={`/patients/${encodeURIComponent(r.patientId)}`} fw={600} size="sm">
                {r.patientGivenName} {r.patientFamilyName}
              </Anchor>
            </Group>
            <TrackedRecommendation patientId={r.patientId} r={r} as="div" />
          </Stack>
        ))}
      </Stack>
      {mine.data?.hasMore === true && (
        <Text size="sm" c="dimmed" mt="xs">
          Showing the {mine.data.recommendations.length} due soonest; others assigned to you are not listed.
        </Text>
      )}
    </Paper>
  );
}
