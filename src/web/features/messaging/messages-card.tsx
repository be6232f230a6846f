import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useConversations, useConversationsCut } from './api';
import { ConversationList } from './conversation-list';
import { StartConversationForm } from './start-conversation-form';

const conversationPath = (patientId: string, conversationId: string) =>
  `/patients/${patientId}/messages/${conversationId}`;

/** The care team's own thread and the conversations with the patient, on the patient overview. */
export function MessagesCard({ patientId, patientName }: { patientId: string; patientName: string }) {
  const conversations = useConversations(patientId);
  const cut = useConversationsCut(patientId);
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const team = conversations.data?.filter((c) => c.kind === 'team') ?? [];
  const withPatient = conversations.data?.filter((c) => c.kind === 'patient') ?? [];
  const linkTo = (c: { id: string }) => conversationPath(patientId, c.id);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="messages-heading">
      <Title order={2} size="h4" id="messages-heading" mb="sm">
        Messages
      </Title>
      {conversations.isPending && <LoadingState label="Loading messages…" />}
      {conversations.isError && (
        <ErrorState error={conversations.error} onRetry={() => void conversations.refetch()} />
      )}
      {conversations.data && (
        <Stack gap="md">
          <section aria-labelledby="team-thread-heading">
            <Title order={3} size="h5" id="team-thread-heading">
              Team thread
            </Title>
            <Text size="xs" c="dimmed">
              The care team only; {patientName} cannot see it.
            </Text>
            <ConversationList conversations={team} linkTo={linkTo} audience="clinician" />
          </section>
          <section aria-labelledby="patient-conversations-heading">
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h5" id="patient-conversations-heading">
                Conversations with the patient
              </Title>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconMessagePlus size={14} aria-hidden />}
                onClick={() => setStarting(true)}
              >
                Message {patientName}
              </Button>
            </Group>
            {withPatient.length === 0 ? (
              <Text size="sm" c="dimmed" py="xs">
                No conversations yet.
              </Text>
            ) : (
              <ConversationList conversations={withPatient} linkTo={linkTo} audience="clinician" />
            )}
            {cut && (
              <Text size="sm" c="dimmed">
                Showing the latest {withPatient.length} conversations (those awaiting a reply first); older
                ones are not listed.
              </Text>
            )}
          </section>
        </Stack>
      )}
      <Modal opened={starting} onClose={() => setStarting(false)} title={`Message ${patientName}`} centered>
        <StartConversationForm
          patientId={patientId}
          audience="clinician"
          onCancel={() => setStarting(false)}
          onStarted={(detail) => void navigate(conversationPath(patientId, detail.conversation.id))}
        />
      </Modal>
    </Paper>
  );
}
