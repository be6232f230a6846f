import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CaseloadEntry } from '../../../shared/patients/api';
import { RoleBadge } from '../../components/badges';
import { ageInYears, formatDay, fullName, roleLabel } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useCaseload } from '../patients/api';
import { TEAM_ROLES } from '../patients/care-team-picker';

function matches(entry: CaseloadEntry, query: string): boolean {
  const haystack = [fullName(entry), entry.medicalRecordNumber ?? '', entry.birthDate]
    .join(' ')
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function CaseloadRow({ entry }: { entry: CaseloadEntry }) {
  const age = ageInYears(entry.birthDate);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/patients/${entry.id}`} fw={600}>
          {entry.familyName}, {entry.givenName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDay(entry.birthDate)}</Text>
        {age !== null && (
          <Text size="xs" c="dimmed">
            {age} years
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {entry.myRoles.map((role) => (
            <RoleBadge key={role} role={role} />
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {[...entry.careTeam]
            .sort((a, b) => TEAM_ROLES.indexOf(a.role) - TEAM_ROLES.indexOf(b.role))
            .map((member) => (
              <Text size="xs" key={`${member.userId}-${member.role}`}>
                {member.name}{' '}
                <Text span c="dimmed" size="xs">
                  ({roleLabel(member.role)})
                </Text>
              </Text>
            ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {entry.medicalRecordNumber ?? '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function CaseloadPage() {
  const caseload = useCaseload();
  const [query, setQuery] = useState('');
  const visible = useMemo(
    () =>
      (caseload.data ?? [])
        .filter((entry) => matches(entry, query))
        .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName)),
    [caseload.data, query],
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>My caseload</PageTitle>
          <Text c="dimmed">Patients whose care team you are on.</Text>
        </div>
        <Button component={Link} to="/patients/new" leftSection={<IconUserPlus size={18} aria-hidden />}>
          Enrol patient
        </Button>
      </Group>
      <TextInput
        label="Search patients"
        description="By name, medical record number or date of birth"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={420}
        type="search"
      />
      <Paper withBorder radius="md" component="section" aria-label="Patients">
        {caseload.isPending && <LoadingState label="Loading your caseload…" />}
        {caseload.isError && <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />}
        {caseload.data && (
          <ScrollTable label="Patients table">
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover miw={820}>
              <Table.Caption aria-live="polite">
                {query
                  ? `${visible.length} of ${caseload.data.length} patients match “${query}”`
                  : `${caseload.data.length} patients`}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Patient</Table.Th>
                  <Table.Th scope="col">Date of birth</Table.Th>
                  <Table.Th scope="col">My role</Table.Th>
                  <Table.Th scope="col">Care team</Table.Th>
                  <Table.Th scope="col">MRN</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((entry) => (
                  <CaseloadRow key={entry.id} entry={entry} />
                ))}
              </Table.Tbody>
            </Table>
            {caseload.data.length === 0 && (
              <Text p="md" c="dimmed">
                No patients yet. Use “Enrol patient” to add your first.
              </Text>
            )}
          </ScrollTable>
        )}
      </Paper>
    </Stack>
  );
}
