import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { CONSULT_REPLY_MAX_CHARS } from '../../../shared/messaging/schemas';
import { isApiError } from '../../app/api-client';
import type { Consult, ConsultPriority } from '../../../shared/messaging/api';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { formatDateTime, roleLabel } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { SeverityBadge } from '../inbox/severity-badge';
import { useReplyConsult } from './api';

export const PRIORITY_LABELS: Record<ConsultPriority, string> = {
  routine: 'Routine',
  high: 'High',
  urgent: 'Urgent',
};

function ReplyForm({ consult }: { consult: Consult }) {
  const reply = useReplyConsult();
  const [text, setText] = useState('');
  const [showError, setShowError] = useState(false);
  const stale = isApiError(reply.error, 'precondition_failed') || isApiError(reply.error, 'conflict');

  const send = () => {
    setShowError(true);
    if (text.trim() === '') return;
    reply.mutate(
      { consult, reply: text.trim() },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', title: 'Reply sent', message: 'The consult is closed.' }),
      },
    );
  };

  return (
    <Stack gap="xs">
      <Textarea
        label="Your reply"
        description="Replying closes the consult."
        autosize
        minRows={2}
        maxLength={CONSULT_REPLY_MAX_CHARS}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={showError && text.trim() === '' ? 'Write your answer first.' : undefined}
      />
      {reply.isError && (
        <Alert color={stale ? 'orange' : 'red'} variant="light" role="alert">
          {stale
            ? 'This consult changed while you were writing (it may already be closed). It now shows how it stands; your text is still here.'
            : errorMessage(reply.error)}
        </Alert>
      )}
      <Group>
        <Button size="sm" onClick={send} loading={reply.isPending}>
          Send reply
        </Button>
      </Group>
    </Stack>
  );
}

/** One consult request: who asked whom, the question, and the reply (or a reply box for the recipient). */
export function ConsultItem({ consult, showPatient = false }: { consult: Consult; showPatient?: boolean }) {
  const user = useCurrentUser();
  const forMe = consult.to.userId === user.id;
  const fromMe = consult.from.userId === user.id;
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-label={`Consult from ${consult.from.name}`}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <SeverityBadge severity={consult.priority} />
          <SoftBadge color={consult.state === 'open' ? 'blue' : 'green'}>
            {consult.state === 'open' ? 'Open' : 'Closed'}
          </SoftBadge>
          <Text size="xs" c="dimmed">
            {formatDateTime(consult.createdAt)}
          </Text>
        </Group>
        <Text size="sm">
          <strong>{fromMe ? 'You' : consult.from.name}</strong>
          {fromMe ? '' : ` (${roleLabel(consult.from.role).toLowerCase()})`} asked{' '}
          <strong>{forMe ? 'you' : consult.to.name}</strong>
          {forMe ? '' : ` (${roleLabel(consult.to.role).toLowerCase()})`}
          {showPatient && (
            <>
              {' '}
              about{' '}
              <Anchor
                component={Link}
                to={`/patients/${consult.patientId}`}
                fw={600}
                inherit
                underline="always"
              >
                {consult.patientName}
              </Anchor>
            </>
          )}
          :
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{consult.question}</Text>
        {consult.reply !== null && (
          <Paper bg="gray.0" p="sm" radius="sm">
            <Text size="xs" c="dimmed" fw={600}>
              Reply from {consult.closedBy?.name ?? consult.to.name}
              {consult.repliedAt !== null ? ` · ${formatDateTime(consult.repliedAt)}` : ''}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {consult.reply}
            </Text>
          </Paper>
        )}
        {consult.state === 'closed' && consult.reply === null && (
          <Text size="sm" c="dimmed">
            Closed by {consult.closedBy?.name ?? 'someone'}
            {consult.closeNote ? `: ${consult.closeNote}` : ''}
          </Text>
        )}
        {consult.state === 'open' && forMe && <ReplyForm consult={consult} />}
        {consult.state === 'open' && !forMe && (
          <Text size="sm" c="dimmed">
            Waiting for {consult.to.name} to reply.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
