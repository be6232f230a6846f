import { Alert as Callout, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { Recommendation } from '../../../shared/registry/api';

import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useMarkForCaseReview, usePatientCaseReview, useRecommend, useUnmarkForCaseReview } from './api';

export function RecommendationItem({ r }: { r: Recommendation }) {
  return (
    <Paper component="li" withBorder radius="sm" p="sm">
      <Group gap="xs" mb={2}>
        {r.priority === 'high' && <SoftBadge color="orange">High</SoftBadge>}
        <Text size="sm" fw={700}>
          {r.summary}
        </Text>
      </Group>
      {r.details && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.details}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {r.byName} · {formatDateTime(r.createdAt)}
      </Text>
    </Paper>
  );
}

/** The prescriber's recommendation for one patient, sent to the patient's team through the inbox. */
export function RecommendationForm({
  patientId,
  sessionId,
}: {
  patientId: string;
  sessionId: string | null;
}) {
  const recommend = useRecommend(patientId);
  const [id, setId] = useState(newClientId);
  const [priority, setPriority] = useState<'routine' | 'high'>('routine');
  const [summary, setSummary] = useState('');
  const [details, setDetails] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (summary.trim() === '') return;
    recommend.mutate(
      { id, sessionId, priority, summary: summary.trim(), details: details.trim() },
      {
        onSuccess: () => {
          setId(newClientId());
          setSummary('');
          setDetails('');
          setShowErrors(false);
          notifications.show({
            color: 'green',
            title: 'Recommendation recorded',
            message: "It went to the patient's care team.",
          });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Record a recommendation">
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} id={`priority-${patientId}`} mb={4}>
            Priority
          </Text>
          <SegmentedControl
            aria-labelledby={`priority-${patientId}`}
            value={priority}
            onChange={(v) => setPriority(v === 'high' ? 'high' : 'routine')}
            data={[
              { value: 'routine', label: 'Routine' },
              { value: 'high', label: 'High' },
            ]}
          />
        </div>
        <TextInput
          label="Recommendation"
          required
          maxLength={500}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={showErrors && summary.trim() === '' ? 'Write the recommendation.' : undefined}
        />
        <Textarea
          label="Details"
          autosize
          minRows={2}
          maxLength={5000}
          value={details}
          onChange={(e) => setDetails(e.currentTarget.value)}
        />
        {recommend.isError && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(recommend.error)}
          </Callout>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={recommend.isPending}>
            Send to the care team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

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
                  <RecommendationItem key={r.id} r={r} />
                ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
