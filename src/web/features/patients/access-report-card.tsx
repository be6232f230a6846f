import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SoftBadge } from '../../components/badges';
import { formatDateTime, roleLabel } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAccessReport } from './api';

const FIRST_PAGE = 10;

/** Who opened or changed this record: the care team's view of the audit trail, newest first. */
export function AccessReportCard({ patientId }: { patientId: string }) {
  const report = useAccessReport(patientId);
  const [showAll, setShowAll] = useState(false);
  const entries = report.data ?? [];
  const visible = showAll ? entries : entries.slice(0, FIRST_PAGE);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="access-heading">
      <Title order={2} size="h4" id="access-heading" mb="sm">
        Access report
      </Title>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No one has opened this record yet.
        </Text>
      )}
      {entries.length > 0 && (
        <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {visible.map((entry, index) => (
            <Group
              component="li"
              key={entry.id}
              justify="space-between"
              align="flex-start"
              gap="xs"
              py={6}
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Text size="sm" style={{ flex: 1, minWidth: 180 }}>
                <strong>{entry.who}</strong>{' '}
                <Text span size="xs" c="dimmed">
                  ({roleLabel(entry.whoRole)})
                </Text>{' '}
                {entry.action}
                {entry.outcome === 'denied' && (
                  <SoftBadge color="red" size="sm" ml="xs">
                    Denied
                  </SoftBadge>
                )}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(entry.at)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {entries.length > FIRST_PAGE && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer' : `Show all ${entries.length}`}
        </Button>
      )}
    </Paper>
  );
}
