import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { practiceKind } from '../../../shared/practice/library';
import type { PracticeAssignment } from '../../../shared/practice/schemas';
import { iptAreaNames } from '../../../shared/practice/library';
import { SoftBadge } from '../../components/badges';
import { ScrollTable } from '../../components/scroll-table';
import { useEndAssignment } from './api';
import { completionWords, dueWords, frequencyWords } from './practice-words';

/** Assignments with their completion rate; the therapist can end one. */
export function AssignmentsCard({
  patientId,
  assignments,
  canEnd,
}: {
  patientId: string;
  assignments: readonly PracticeAssignment[];
  canEnd: boolean;
}) {
  const end = useEndAssignment(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assignments-heading">
      <Title order={2} size="h4" id="assignments-heading" mb="xs">
        Assigned practice
      </Title>
      {assignments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No practice assigned yet.
        </Text>
      ) : (
        <ScrollTable label="Assigned practice table">
          <Table fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Practice</Table.Th>
                <Table.Th scope="col">How often</Table.Th>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Completed</Table.Th>
                {canEnd && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {practiceKind(a.type).name}
                      {a.iptProblemArea ? ` (${iptAreaNames[a.iptProblemArea]})` : ''}
                    </Text>
                    {a.instructions !== '' && (
                      <Text size="xs" c="dark.4" lineClamp={2}>
                        {a.instructions}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{frequencyWords(a.frequency)}</Table.Td>
                  <Table.Td>
                    {dueWords(a)} {a.overdue && <SoftBadge color="orange">Past date</SoftBadge>}
                  </Table.Td>
                  <Table.Td>{completionWords(a)}</Table.Td>
                  {canEnd && (
                    <Table.Td>
                      {a.status === 'active' && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={end.isPending && end.variables.id === a.id}
                          onClick={() => end.mutate(a)}
                          aria-label={`End ${practiceKind(a.type).name}`}
                        >
                          End
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Text size="xs" c="dark.4" mt="xs">
        Completed counts every finished entry, private ones too; a day or week still running counts once its
        quota is met.
      </Text>
    </Paper>
  );
}
