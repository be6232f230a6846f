import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { Link } from 'react-router';
import { useState, type SubmitEvent } from 'react';
import { MESSAGE_MAX_CHARS, SUBJECT_MAX_CHARS } from '../../../shared/messaging/schemas';
import type { ConversationDetail } from '../../../shared/messaging/api';
import { errorMessage } from '../../components/query-state';
import { newClientId, useStartConversation } from './api';

type Props = {
  patientId: string;
  onStarted: (detail: ConversationDetail) => void;
  onCancel?: () => void;
  audience: 'clinician' | 'patient';
};

/** A subject and a first message; the ids are made once, so a retry never starts a second conversation. */
export function StartConversationForm({ patientId, onStarted, onCancel, audience }: Props) {
  const start = useStartConversation(patientId);
  const [ids] = useState(() => ({ conversation: newClientId(), message: newClientId() }));
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (subject.trim() === '' || body.trim() === '') return;
    start.mutate(
      {
        id: ids.conversation,
        subject: subject.trim(),
        firstMessage: { id: ids.message, body: body.trim(), mentions: [] },
      },
      { onSuccess: onStarted },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={audience === 'patient' ? 'What is it about?' : 'Subject'}
          description={audience === 'patient' ? 'A few words, for example "Side effects"' : undefined}
          required
          maxLength={SUBJECT_MAX_CHARS}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={showErrors && subject.trim() === '' ? 'Give it a short subject.' : undefined}
          data-autofocus
        />
        <Textarea
          label={audience === 'patient' ? 'Your question or message' : 'Message'}
          description={
            audience === 'patient' ? (
              <>
                Your care team reads messages during working hours. If you are in crisis, do not wait for a
                reply: call the crisis numbers in{' '}
                {/* The safety plan page shows the numbers for the patient's own country (shared/crisis). */}
                <Anchor component={Link} to="/home/safety-plan" size="xs" underline="always">
                  your safety plan
                </Anchor>
                .
              </>
            ) : undefined
          }
          required
          autosize
          minRows={4}
          maxLength={MESSAGE_MAX_CHARS}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={showErrors && body.trim() === '' ? 'Write your message.' : undefined}
        />
        {start.isError && (
          <Alert color="red" variant="light" role="alert" title="Not sent">
            {errorMessage(start.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={start.isPending}>
            Send
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
