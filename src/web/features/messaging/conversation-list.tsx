import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ConversationSummary } from '../../../shared/messaging/api';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';

/** Conversations as a list of links: subject, last activity, unread count and whether it awaits a reply. */
export function ConversationList({
  conversations,
  linkTo,
  audience,
}: {
  conversations: ConversationSummary[];
  linkTo: (conversation: ConversationSummary) => string;
  audience: 'clinician' | 'patient';
}) {
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {conversations.map((c, index) => (
        <li key={c.id} style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}>
          <Anchor component={Link} to={linkTo(c)} underline="never" display="block" py="sm" c="inherit">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text fw={c.unreadCount > 0 ? 700 : 600} c="blue.9" style={{ overflowWrap: 'anywhere' }}>
                  {c.subject}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.messageCount} {c.messageCount === 1 ? 'message' : 'messages'}
                  {c.lastMessageAt !== null ? ` · last ${formatDateTime(c.lastMessageAt)}` : ''}
                  {c.startedBy && audience === 'clinician' ? ` · started by ${c.startedBy.name}` : ''}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                {c.awaitingReply && audience === 'clinician' && (
                  <SoftBadge color="orange">Awaiting reply</SoftBadge>
                )}
                {c.unreadCount > 0 && (
                  <Badge color="blue.8" variant="filled" style={{ flexShrink: 0 }}>
                    {c.unreadCount} new
                  </Badge>
                )}
                <IconChevronRight size={18} aria-hidden />
              </Group>
            </Group>
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}
