import { Alert, Button, Checkbox, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { EntryCrisis } from '../practice/entry-crisis';
import { IconCheck, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MESSAGE_MAX_CHARS } from '../../../shared/messaging/schemas';
import type { ConversationDetail, Message, Person } from '../../../shared/messaging/api';
import { useCurrentUser } from '../../app/session';
import { RoleBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId, useConversation, useMarkRead, usePostMessage } from './api';

type Audience = 'clinician' | 'patient';

function readLine(message: Message, audience: Audience, mine: boolean): string {
  if (message.readBy.length === 0) return mine ? 'Not read yet' : '';
  const names = message.readBy.map((r) => r.name).join(', ');
  return audience === 'patient' ? `Seen by ${names}` : `Read by ${names}`;
}

function MessageItem({ message, audience, me }: { message: Message; audience: Audience; me: string }) {
  const mine = message.author.userId === me;
  const read = readLine(message, audience, mine);
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      bg={mine ? 'blue.0' : 'white'}
      ml={mine ? { base: 'lg', sm: 60 } : 0}
      mr={mine ? 0 : { base: 'lg', sm: 60 }}
      aria-label={`${mine ? 'You' : message.author.name}, ${formatDateTime(message.createdAt)}`}
    >
      <Group gap="xs" justify="space-between" wrap="wrap" mb={4}>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={700}>
            {mine ? 'You' : message.author.name}
          </Text>
          {!mine && message.author.role !== 'patient' && <RoleBadge role={message.author.role} />}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
      {message.mentions.length > 0 && (
        <Text size="xs" mt={4} fw={600} c="blue.9">
          Mentions: {message.mentions.map((m) => `@${m.name}`).join(', ')}
        </Text>
      )}
      {read && (
        <Group gap={4} mt={4}>
          {message.readBy.length > 0 && <IconCheck size={14} aria-hidden />}
          <Text size="xs" c="dimmed">
            {read}
          </Text>
        </Group>
      )}
    </Paper>
  );
}

function Composer({
  patientId,
  conversationId,
  teammates,
  audience,
}: {
  patientId: string;
  conversationId: string;
  teammates: Person[];
  audience: Audience;
}) {
  const post = usePostMessage(patientId, conversationId);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  // Issue 12: the patient can flag "I'm not safe": crisis numbers at once, an urgent alert to the team.
  const [notSafe, setNotSafe] = useState(false);
  const [toldTeam, setToldTeam] = useState(false);
  // The id of the message being sent: a retry after a failure sends the same id, never a duplicate.
  const [pendingId, setPendingId] = useState(newClientId);

  const send = () => {
    const text = body.trim();
    setEmpty(text === '');
    if (text === '' || post.isPending) return;
    post.mutate(
      { id: pendingId, body: text, mentions, ...(notSafe ? { notSafe: true } : {}) },
      {
        onSuccess: () => {
          if (notSafe) setToldTeam(true);
          setNotSafe(false);
          setBody('');
          setMentions([]);
          setPendingId(newClientId());
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="form"
      aria-label="Write a message"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={audience === 'patient' ? 'Your message' : 'Message'}
          description={audience === 'patient' ? undefined : 'Ctrl+Enter sends'}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={MESSAGE_MAX_CHARS}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={empty ? 'Write something first.' : undefined}
        />
        {teammates.length > 0 && (
          <div role="group" aria-labelledby={`mention-${conversationId}`}>
            <Text size="sm" fw={500} id={`mention-${conversationId}`} mb={4}>
              Mention a teammate (they are told about this message)
            </Text>
            <Chip.Group multiple value={mentions} onChange={setMentions}>
              <Group gap="xs">
                {teammates.map((person) => (
                  <Chip key={person.userId} value={person.userId} size="sm">
                    @{person.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
        )}
        {audience === 'patient' && (
          <Checkbox
            label="I'm not safe right now"
            description="Your care team is told straight away, and you will see who to contact now."
            checked={notSafe}
            onChange={(e) => setNotSafe(e.currentTarget.checked)}
          />
        )}
        {audience === 'patient' && (notSafe || toldTeam) && (
          <EntryCrisis
            patientId={patientId}
            reasons={['not_safe']}
            sharing="team"
            sent={toldTeam && !notSafe}
          />
        )}
        {post.isError && (
          <Alert color="red" variant="light" role="alert" title="Not sent">
            {errorMessage(post.error)} Your text is still here; press Send to try again.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={post.isPending} leftSection={<IconSend size={16} aria-hidden />}>
            Send
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Marks everything others wrote as read, once per newest message. */
function useMarkAllRead(
  patientId: string,
  conversationId: string,
  detail: ConversationDetail | undefined,
  me: string,
) {
  const markRead = useMarkRead(patientId, conversationId);
  const marked = useRef<string | null>(null);
  const newestFromOthers = detail?.messages.filter((m) => m.author.userId !== me).at(-1);
  const unread = detail
    ? newestFromOthers !== undefined && !newestFromOthers.readBy.some((r) => r.userId === me)
    : false;
  useEffect(() => {
    if (!newestFromOthers || !unread || marked.current === newestFromOthers.id) return;
    marked.current = newestFromOthers.id;
    markRead.mutate(newestFromOthers.id);
  }, [newestFromOthers, unread, markRead]);
}

/** A conversation's messages, oldest first, with who read them and a composer. */
export function ConversationView({
  patientId,
  conversationId,
  audience,
}: {
  patientId: string;
  conversationId: string;
  audience: Audience;
}) {
  const user = useCurrentUser();
  const conversation = useConversation(patientId, conversationId);
  useMarkAllRead(patientId, conversationId, conversation.data, user.id);

  if (conversation.isPending) return <LoadingState label="Loading messages…" />;
  if (conversation.isError) {
    return <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />;
  }
  const { messages, participants, conversation: summary, hasOlder } = conversation.data;
  const teammates =
    summary.kind === 'team' && audience === 'clinician'
      ? participants.filter((p) => p.role !== 'patient' && p.userId !== user.id)
      : [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {audience === 'patient'
          ? `With ${participants
              .filter((p) => p.role !== 'patient')
              .map((p) => p.name)
              .join(', ')}`
          : `People in this conversation: ${participants.map((p) => p.name).join(', ')}`}
      </Text>
      {hasOlder && (
        <Text size="xs" c="dimmed">
          Older messages are not shown.
        </Text>
      )}
      {messages.length === 0 ? (
        <Text c="dimmed">No messages yet. Write the first one below.</Text>
      ) : (
        <Stack
          gap="sm"
          component="ol"
          aria-label="Messages"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} audience={audience} me={user.id} />
          ))}
        </Stack>
      )}
      <Composer
        patientId={patientId}
        conversationId={conversationId}
        teammates={teammates}
        audience={audience}
      />
    </Stack>
  );
}
