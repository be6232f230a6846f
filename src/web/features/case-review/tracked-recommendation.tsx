import { Alert as Callout, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { useState } from 'react';
import type { Recommendation } from '../../../shared/registry/api';
import { isOverdue } from '../../../shared/case-review/recommendations';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { browserToday, formatDateTime, formatDay } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { useCloseRecommendation } from './api';

const statusBadge = { done: 'Done', declined: 'Declined' } as const;

/** Mark done, or decline with the reason: for the assignee and the consultant who wrote it. */
function CloseActions({ patientId, r }: { patientId: string; r: Recommendation }) {
  const close = useCloseRecommendation(patientId);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  const server = fieldErrorsFrom(close.error);
  return (
    <Stack gap={6} mt={6}>
      {!declining ? (
        <Group gap="xs">
          <Button
            size="xs"
            loading={close.isPending}
            onClick={() => close.mutate({ r, body: { outcome: 'done' } })}
            aria-label={`Mark done: ${r.summary}`}
          >
            Mark done
          </Button>
          <Button size="xs" variant="default" onClick={() => setDeclining(true)}>
            Decline
          </Button>
        </Group>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setShowError(true);
            if (reason.trim() === '' || reason.length > 1000) return;
            close.mutate({ r, body: { outcome: 'declined', reason: reason.trim() } });
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label="Why is it declined?"
              size="sm"
              value={reason}
              maxLength={1000}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={
                server.reason ??
                (showError && reason.trim() === '' ? 'Say why the recommendation is declined.' : undefined)
              }
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" size="sm" loading={close.isPending}>
              Decline
            </Button>
            <Button size="sm" variant="subtle" onClick={() => setDeclining(false)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
      {close.isError && Object.keys(server).length === 0 && (
        <Callout color="red" variant="light" role="alert">
          {errorMessage(close.error)}
        </Callout>
      )}
    </Stack>
  );
}

/** A recommendation with who carries it out, by when, and where it stands. */
export function TrackedRecommendation({
  patientId,
  r,
  as = 'li',
}: {
  patientId: string;
  r: Recommendation;
  /** 'li' inside a list of recommendations; 'div' when the list item holds more (the patient's name). */
  as?: 'li' | 'div';
}) {
  const user = useCurrentUser();
  const overdue = isOverdue(r, browserToday());
  const mayClose =
    r.status === 'open' && (r.assignedTo === null || r.assignedTo === user.id || r.byUserId === user.id);
  return (
    <Paper component={as} withBorder radius="sm" p="sm">
      <Group gap="xs" mb={2} wrap="wrap">
        {r.priority === 'high' && <SoftBadge color="orange">High</SoftBadge>}
        {r.status !== 'open' && <SoftBadge color="gray">{statusBadge[r.status]}</SoftBadge>}
        {overdue && <SoftBadge color="red">Overdue</SoftBadge>}
        <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
          {r.summary}
        </Text>
      </Group>
      {r.details && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.details}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {r.byName} · {formatDateTime(r.createdAt)} · For {r.assignedToName ?? 'the care team'}
        {r.dueDate ? ` · Due ${formatDay(r.dueDate)}` : ''}
      </Text>
      {r.status !== 'open' && (
        <Text size="xs" c="dimmed">
          {statusBadge[r.status]} by {r.closedByName ?? 'someone'}
          {r.closedAt !== null ? `, ${formatDateTime(r.closedAt)}` : ''}
          {r.closedReason ? `: ${r.closedReason}` : ''}
        </Text>
      )}
      {mayClose && <CloseActions patientId={patientId} r={r} />}
    </Paper>
  );
}
