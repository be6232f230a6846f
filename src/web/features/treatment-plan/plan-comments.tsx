import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { useState } from 'react';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { ShowingLatest } from '../../components/showing-latest';
import { useAddPlanComment, usePlanComments } from './api';

/** Comments and questions about the agreed plan, from the patient and the team. */
export function PlanComments({
  patientId,
  versionNumber,
  audience,
}: {
  patientId: string;
  versionNumber: number;
  audience: 'clinician' | 'patient';
}) {
  const user = useCurrentUser();
  const comments = usePlanComments(patientId, versionNumber);
  const add = useAddPlanComment(patientId, versionNumber);
  const [body, setBody] = useState('');
  const [showError, setShowError] = useState(false);
  const send = () => {
    setShowError(true);
    if (body.trim() === '') return;
    add.mutate(body.trim(), {
      onSuccess: () => {
        setBody('');
        setShowError(false);
      },
    });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="plan-comments-heading">
      <Title order={2} size="h4" id="plan-comments-heading" mb="sm">
        {audience === 'patient' ? 'Questions and comments about your plan' : 'Comments on the agreed plan'}
      </Title>
      {comments.isPending && <LoadingState />}
      {comments.isError && <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data?.comments.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {audience === 'patient' ? 'Nothing yet. Ask anything about your plan below.' : 'No comments yet.'}
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} mb="sm">
        {comments.data?.comments.map((c) => (
          <Paper
            component="li"
            key={c.id}
            withBorder
            p="sm"
            radius="sm"
            bg={c.author.userId === user.id ? 'blue.0' : undefined}
          >
            <Text size="xs" c="dimmed">
              {c.author.userId === user.id ? 'You' : c.author.name} · {formatDateTime(c.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {c.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      <ShowingLatest
        shown={comments.data?.comments.length ?? 0}
        hasMore={comments.data?.hasMore === true}
        what="comments"
      />
      <Stack gap="xs">
        <Textarea
          label={audience === 'patient' ? 'Your question or comment' : 'Add a comment'}
          autosize
          minRows={2}
          maxLength={4000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={showError && body.trim() === '' ? 'Write something first.' : undefined}
        />
        {add.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(add.error)}
          </Alert>
        )}
        <Group>
          <Button onClick={send} loading={add.isPending}>
            {audience === 'patient' ? 'Send to my care team' : 'Add comment'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
