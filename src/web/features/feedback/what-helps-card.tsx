import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useSessionFeedback, useTreatmentRatings } from './api';
import { SESSION_SHORT } from './feedback-words';

/** The clinician patient page's "What helps" card: the latest session feedback and ratings, and a link. */
export function WhatHelpsCard({ patientId }: { patientId: string }) {
  const sessions = useSessionFeedback(patientId);
  const ratings = useTreatmentRatings(patientId);
  const latest = sessions.data?.feedback.at(-1);
  const round = ratings.data?.rounds.at(-1);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="what-helps-card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="what-helps-card-heading">
          What helps
        </Title>
        <Button component={Link} to={`/patients/${patientId}/feedback`} size="xs" variant="light">
          Feedback and ratings
        </Button>
      </Group>
      {(sessions.isPending || ratings.isPending) && <LoadingState />}
      {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && ratings.data && (
        <Stack gap={6}>
          <Text size="sm">
            {latest ? (
              <>
                <strong>Last session feedback</strong> ({formatDay(latest.sessionDay)}): {SESSION_SHORT.goals}{' '}
                {latest.goalsRating}/10, {SESSION_SHORT.heard.toLowerCase()} {latest.heardRating}/10
                {latest.low ? ' · low rating' : ''}
              </>
            ) : (
              'No session feedback yet.'
            )}
          </Text>
          <Text size="sm">
            {round ? (
              <>
                <strong>Ratings</strong> ({formatDay(round.ratedDay)}):{' '}
                {round.ratings
                  .map((r) => `${r.label} ${r.score === null ? '–' : String(r.score)}`)
                  .join(', ')}
              </>
            ) : (
              'No four-weekly ratings yet.'
            )}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
