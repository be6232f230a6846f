import { Paper, Stack, Text } from '@mantine/core';
import type { PracticeComment } from '../../../shared/practice/schemas';
import { formatDateTime } from '../../components/format';

/** The therapist's comments on an entry, oldest first. */
export function CommentList({ comments }: { comments: readonly PracticeComment[] }) {
  if (comments.length === 0) return null;
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Comments">
      {comments.map((c) => (
        <Paper component="li" key={c.id} p="sm" radius="md" bg="blue.0" withBorder>
          <Text size="xs" fw={700} c="dark.5">
            {c.author.name} · {formatDateTime(c.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
