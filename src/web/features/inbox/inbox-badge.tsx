import { Badge, Group } from '@mantine/core';
import { useInboxCounts } from './api';

/** Open-alert counts beside "Inbox" in the navigation, urgent ones called out; refreshed every 30 s. */
export function InboxBadge() {
  const counts = useInboxCounts(true);
  if (!counts.data || counts.data.total === 0) return null;
  const { urgent, total } = counts.data;
  return (
    <Group gap={4} wrap="nowrap">
      {urgent > 0 && (
        <Badge color="red.8" variant="filled" size="sm" style={{ flexShrink: 0 }}>
          {urgent} urgent
        </Badge>
      )}
      <Badge color="blue.8" variant="filled" size="sm" circle={total < 10} style={{ flexShrink: 0 }}>
        {total}
        <span className="visually-hidden"> open</span>
      </Badge>
    </Group>
  );
}
