import { Paper, Stack, Table, Text } from '@mantine/core';
import { useCurrentUser } from '../../app/session';
import { RoleBadge, StatusBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useStaffUsers } from './api';
import { InviteClinicianForm } from './invite-clinician-form';
import { UserActions } from './user-actions';

export function UsersPage() {
  const me = useCurrentUser();
  const users = useStaffUsers();

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Staff accounts</PageTitle>
        <Text c="dimmed">Everyone at {me.clinicName} who signs in to Duet, except patients.</Text>
      </div>
      <InviteClinicianForm />
      <Paper withBorder radius="md" component="section" aria-label="Staff accounts">
        {users.isPending && <LoadingState label="Loading accounts…" />}
        {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && (
          <ScrollTable label="Staff accounts table">
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover miw={760}>
              <Table.Caption>{users.data.length} staff accounts</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last sign-in</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {user.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge role={user.role} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={user.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <UserActions user={user} isSelf={user.id === me.id} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Paper>
    </Stack>
  );
}
