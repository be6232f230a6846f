import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconMessagePlus } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { useCurrentUser } from '../../app/session';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useConversation, useConversations } from './api';
import { ConversationList } from './conversation-list';
import { ConversationView } from './conversation-view';
import { StartConversationForm } from './start-conversation-form';

function BackTo({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {label}
    </Anchor>
  );
}

/** `/home/messages`: the patient's conversations with their care team. */
export function PatientMessagesPage() {
  const user = useCurrentUser();
  const conversations = useConversations(user.patientId ?? '');
  return (
    <Stack gap="lg">
      <BackTo to="/home" label="Home" />
      <div>
        <PageTitle>Messages</PageTitle>
        <Text c="dimmed">Questions and answers between you and your care team.</Text>
      </div>
      <Button
        component={Link}
        to="/home/messages/new"
        size="md"
        leftSection={<IconMessagePlus size={20} aria-hidden />}
        fullWidth
        maw={{ sm: 320 }}
      >
        Ask your care team
      </Button>
      <Paper withBorder radius="md" px="md" component="section" aria-label="Your conversations">
        {conversations.isPending && <LoadingState label="Loading your messages…" />}
        {conversations.isError && (
          <ErrorState error={conversations.error} onRetry={() => void conversations.refetch()} />
        )}
        {conversations.data?.length === 0 && (
          <Text py="md" c="dimmed">
            No messages yet. Ask your care team anything about your care.
          </Text>
        )}
        {conversations.data && conversations.data.length > 0 && (
          <ConversationList
            conversations={conversations.data}
            linkTo={(c) => `/home/messages/${c.id}`}
            audience="patient"
          />
        )}
      </Paper>
    </Stack>
  );
}

/** `/home/messages/new`: "Ask your care team". */
export function AskCareTeamPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <BackTo to="/home/messages" label="Messages" />
      <div>
        <PageTitle>Ask your care team</PageTitle>
        <Text c="dimmed">Your therapist, prescriber and care manager all see your message.</Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <StartConversationForm
          patientId={user.patientId ?? ''}
          audience="patient"
          onStarted={(detail) => void navigate(`/home/messages/${detail.conversation.id}`, { replace: true })}
        />
      </Paper>
    </Stack>
  );
}

/** `/home/messages/:conversationId`: one conversation, phone-first. */
export function PatientConversationPage() {
  const user = useCurrentUser();
  const { conversationId = '' } = useParams();
  const patientId = user.patientId ?? '';
  const conversation = useConversation(patientId, conversationId);
  if (conversation.isError && isApiError(conversation.error, 'not_found')) {
    return (
      <NotFoundPage
        title="Conversation not found"
        message="This conversation does not exist or is not yours."
        backTo="/home/messages"
        backLabel="Back to my messages"
      />
    );
  }
  return (
    <Stack gap="md">
      <BackTo to="/home/messages" label="Messages" />
      <PageTitle>{conversation.data?.conversation.subject ?? 'Conversation'}</PageTitle>
      {conversation.isPending && <LoadingState label="Loading messages…" />}
      {conversation.isError && (
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      )}
      {conversation.data && (
        <ConversationView patientId={patientId} conversationId={conversationId} audience="patient" />
      )}
    </Stack>
  );
}
