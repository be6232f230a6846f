import { Alert as Callout, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { useState } from 'react';

import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { TrackedRecommendation } from '../case-review/tracked-recommendation';
import { useMarkForCaseReview, usePatientCaseReview, useUnmarkForCaseReview } from './api';

/** On the patient page: the case-review mark (care manager toggles it) and the consultant's recommendations. */
export function CaseReviewCard({ patientId }: { patientId: string }) {
  const user = useCurrentUser();
  const review = usePatientCaseReview(patientId);
  const mark = useMarkForCaseReview(patientId);
  const unmark = useUnmarkForCaseReview(patientId);
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  const isCareManager = user.role === 'care_manager';
  const data = review.data;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-review-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="case-review-heading">
          Case review
        </Title>
        {data?.mark && <SoftBadge color="grape">Marked for case review</SoftBadge>}
      </Group>
      {review.isPending && <LoadingState />}
      {review.isError && <ErrorState error={review.error} onRetry={() => void review.refetch()} />}
      {data && (
        <Stack gap="sm">
          {data.mark ? (
            <Text size="sm">
              To discuss: {data.mark.reason}{' '}
              <Text span size="xs" c="dimmed">
                ({data.mark.markedByName}, {formatDateTime(data.mark.markedAt)})
              </Text>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Not marked for the next case review.
            </Text>
          )}
          {isCareManager && data.mark && (
            <Group>
              <Button size="xs" variant="default" loading={unmark.isPending} onClick={() => unmark.mutate()}>
                Remove from case review
              </Button>
            </Group>
          )}
          {isCareManager && !data.mark && (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                setShowError(true);
                if (reason.trim() === '') return;
                mark.mutate(reason.trim(), {
                  onSuccess: () => {
                    setReason('');
                    setShowError(false);
                  },
                });
              }}
            >
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label="What to discuss"
                  size="sm"
                  value={reason}
                  maxLength={1000}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={showError && reason.trim() === '' ? 'Say what to discuss.' : undefined}
                  style={{ flex: '1 1 220px' }}
                />
                <Button type="submit" size="sm" loading={mark.isPending}>
                  Mark for case review
                </Button>
              </Group>
            </form>
          )}
          {(mark.isError || unmark.isError) && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(mark.error ?? unmark.error)}
            </Callout>
          )}
          <Title order={3} size="h5">
            Recommendations
          </Title>
          {data.recommendations.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet.
            </Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {[...data.recommendations]
                .sort((a, b) => b.createdAt - a.createdAt)
                .map((r) => (
                  <TrackedRecommendation key={r.id} patientId={patientId} r={r} />
                ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
