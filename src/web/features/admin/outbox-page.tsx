import { Accordion, Group, Paper, Stack, Text } from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { LinkifiedText } from '../../components/linkified-text';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useOutbox } from './api';

export function OutboxPage() {
  const outbox = useOutbox();

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Outbox</PageTitle>
        <Text c="dimmed">
          Email Duet has sent or kept, newest first. One-time links are hidden here: only the person invited
          receives theirs. If someone did not get their invitation, resend it from Users (the old link stops
          working).
        </Text>
      </div>
      <Paper withBorder radius="md" component="section" aria-label="Messages">
        {outbox.isPending && <LoadingState label="Loading messages…" />}
        {outbox.isError && <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />}
        {outbox.data?.mails.length === 0 && (
          <Text p="md" c="dimmed">
            No messages yet.
          </Text>
        )}
        {outbox.data?.hasMore === true && (
          <Text p="md" size="sm" c="dimmed">
            Showing the latest {outbox.data.mails.length} messages; older ones are not listed.
          </Text>
        )}
        {outbox.data && outbox.data.mails.length > 0 && (
          <Accordion variant="default" chevronPosition="left">
            {outbox.data.mails.map((mail) => (
              <Accordion.Item key={mail.id} value={mail.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm">
                        {mail.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        To {mail.to}
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <SoftBadge color={mail.transport === 'smtp' ? 'green' : 'gray'}>
                        {mail.transport === 'smtp' ? (mail.sentAt ? 'Sent' : 'Sending') : 'Kept here'}
                      </SoftBadge>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(mail.createdAt)}
                      </Text>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <LinkifiedText text={mail.text} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Paper>
    </Stack>
  );
}
