import { Text } from '@mantine/core';

/**
 * Said under a bounded list that was cut at its maximum (issue 19, docs/api.md "List limits"): the page never
 * hides silently that older entries exist.
 */
export function ShowingLatest({ shown, hasMore, what }: { shown: number; hasMore: boolean; what: string }) {
  if (!hasMore) return null;
  return (
    <Text size="sm" c="dimmed" mt="xs">
      Showing the latest {shown} {what}; older ones are not listed.
    </Text>
  );
}
