import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SoftBadge } from '../../components/badges';
import { formatDateTime, roleLabel } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAccessReport } from './api';

const FIRST_PAGE = 15;

/** Who opened or changed this record: the clinician's view of the audit trail. */
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
        <ScrollTable label="Access report table">
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">What</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    {entry.who}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({roleLabel(entry.whoRole)})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.action}{' '}
                    {entry.outcome === 'denied' && (
                      <SoftBadge color="red" size="sm">
                        Denied
                      </SoftBadge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {entries.length > FIRST_PAGE && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer' : `Show all ${entries.length}`}
        </Button>
      )}
    </Paper>
  );
}
