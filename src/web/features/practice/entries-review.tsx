import { Accordion, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { useState } from 'react';
import { practiceKind } from '../../../shared/practice/library';
import type { PracticeEntry } from '../../../shared/practice/schemas';
import { SoftBadge } from '../../components/badges';
import { formatDay } from '../../components/format';
import { newClientId } from '../messaging/api';
import { useAddComment } from './api';
import { CommentList } from './comments';
import { EntryView } from './entry-view';

function CommentForm({ patientId, entryId }: { patientId: string; entryId: string }) {
  const add = useAddComment(patientId);
  const [id, setId] = useState(newClientId);
  const [text, setText] = useState('');
  return (
    <Stack gap={6}>
      <Textarea
        label="Comment for the patient"
        description="The patient sees your comment with this entry."
        autosize
        minRows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={add.error?.message}
      />
      <Group>
        <Button
          size="compact-md"
          disabled={text.trim() === ''}
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              { entryId, id, text: text.trim() },
              {
                onSuccess: () => {
                  setText('');
                  setId(newClientId());
                },
              },
            )
          }
        >
          Add comment
        </Button>
      </Group>
    </Stack>
  );
}

/** Completed entries, newest first, each with its sharing label; the therapist comments. */
export function EntriesReview({
  patientId,
  entries,
  canComment,
}: {
  patientId: string;
  entries: readonly PracticeEntry[];
  canComment: boolean;
}) {
  const done = [...entries]
    .filter((e) => e.status === 'done')
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="entries-heading">
      <Title order={2} size="h4" id="entries-heading" mb="xs">
        Entries
      </Title>
      {done.length === 0 ? (
        <Text size="sm" c="dimmed">
          No completed entries you can see yet.
        </Text>
      ) : (
        <Accordion variant="separated" multiple>
          {done.map((e) => (
            <Accordion.Item key={e.id} value={e.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {practiceKind(e.type).name} · {formatDay(e.day)}
                  </Text>
                  {e.sharing === 'therapist' ? (
                    <SoftBadge color="grape">Therapist only</SoftBadge>
                  ) : (
                    <SoftBadge color="teal">Shared with the team</SoftBadge>
                  )}
                  {e.comments.length > 0 && (
                    <Text size="xs" c="dark.4">
                      {e.comments.length} {e.comments.length === 1 ? 'comment' : 'comments'}
                    </Text>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <EntryView entry={e} />
                  <CommentList comments={e.comments} />
                  {canComment && <CommentForm patientId={patientId} entryId={e.id} />}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Paper>
  );
}
