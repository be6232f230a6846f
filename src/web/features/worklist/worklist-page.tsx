import {
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  arrangeWorklist,
  todaysVisits,
  worklistSorts,
  type WorklistFilter,
  type WorklistRow,
  type WorklistSort,
} from '../../../shared/worklist/api';
import type { Role } from '../../../shared/accounts/api';
import { RoleBadge } from '../../components/badges';
import { fullName, roleLabel } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { SeverityBadge } from '../inbox/severity-badge';
import { TYPE_LABELS } from '../appointments/words';
import { formatWhen, timeThere } from '../../lib/format-time';
import { LogContactButton } from '../case-review/log-contact';
import { vacancyLine } from '../patients/vacancy-words';
import { useWorklist } from './api';
import { adherenceWords, SORT_LABELS, trendWords } from './worklist-words';

const ROLES: Role[] = ['therapist', 'prescriber', 'care_manager'];
const patientPath = (row: WorklistRow) => `/patients/${encodeURIComponent(row.patientId)}`;

function When({ ms, patientZone }: { ms: number; patientZone: string }) {
  const there = timeThere(ms, patientZone);
  return (
    <>
      <Text size="sm">{formatWhen(ms)}</Text>
      {there && (
        <Text size="xs" c="dimmed">
          {there}, patient&apos;s time
        </Text>
      )}
    </>
  );
}

function Score({ label, row, which }: { label: string; row: WorklistRow; which: 'phq9' | 'gad7' }) {
  const words = trendWords(row[which]);
  return (
    <Text size="sm" aria-label={`${label} ${words.spoken}`}>
      {words.short}
    </Text>
  );
}

function Alerts({ row }: { row: WorklistRow }) {
  const { mostSevere, total } = row.openAlerts;
  if (mostSevere === null) return <Text size="sm">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" fw={600}>
        {total}
      </Text>
      <SeverityBadge severity={mostSevere} />
    </Group>
  );
}

function Counts({ row }: { row: WorklistRow }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={patientPath(row)} size="sm">
        {row.unreadMessages} unread
      </Anchor>
      <Anchor component={Link} to={`${patientPath(row)}/practice`} size="sm">
        {row.practiceToReview} practice to review
      </Anchor>
    </Stack>
  );
}

function PatientCell({ row }: { row: WorklistRow }) {
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={patientPath(row)} fw={600}>
        {row.familyName}, {row.givenName}
      </Anchor>
      <Group gap={4}>
        {row.myRoles.map((role) => (
          <RoleBadge key={role} role={role as Role} />
        ))}
      </Group>
      {row.vacancies.map((v) => (
        <Text key={v.role} size="xs" c="orange.9" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {vacancyLine(v)}
        </Text>
      ))}
      {/* Two clicks to log an outreach contact (the case-review feature's form, issue 15). */}
      <Box>
        <LogContactButton patientId={row.patientId} patientName={fullName(row)} />
      </Box>
    </Stack>
  );
}

function WorklistTable({ rows }: { rows: WorklistRow[] }) {
  return (
    <ScrollTable label="Worklist table">
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover miw={960}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Next appointment</Table.Th>
            <Table.Th scope="col">PHQ-9</Table.Th>
            <Table.Th scope="col">GAD-7</Table.Th>
            <Table.Th scope="col">Adherence</Table.Th>
            <Table.Th scope="col">Open alerts</Table.Th>
            <Table.Th scope="col">Messages and practice</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.patientId}>
              <Table.Td>
                <PatientCell row={row} />
              </Table.Td>
              <Table.Td>
                {row.nextAppointment ? (
                  <When ms={row.nextAppointment.startsAt} patientZone={row.patientTimeZone} />
                ) : (
                  <Text size="sm">None booked</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Score label="PHQ-9" row={row} which="phq9" />
              </Table.Td>
              <Table.Td>
                <Score label="GAD-7" row={row} which="gad7" />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{adherenceWords(row.adherence)}</Text>
              </Table.Td>
              <Table.Td>
                <Alerts row={row} />
              </Table.Td>
              <Table.Td>
                <Counts row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Phones: one card per patient instead of a wide table. */
function WorklistCards({ rows }: { rows: WorklistRow[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Patients">
      {rows.map((row) => (
        <Paper component="li" key={row.patientId} withBorder p="sm" radius="md">
          <Stack gap={4}>
            <PatientCell row={row} />
            {row.nextAppointment ? (
              <When ms={row.nextAppointment.startsAt} patientZone={row.patientTimeZone} />
            ) : (
              <Text size="sm">No appointment booked</Text>
            )}
            <Group gap="md">
              <Group gap={4}>
                <Text size="sm" c="dimmed">
                  PHQ-9
                </Text>
                <Score label="PHQ-9" row={row} which="phq9" />
              </Group>
              <Group gap={4}>
                <Text size="sm" c="dimmed">
                  GAD-7
                </Text>
                <Score label="GAD-7" row={row} which="gad7" />
              </Group>
            </Group>
            <Text size="sm">Adherence: {adherenceWords(row.adherence)}</Text>
            <Alerts row={row} />
            <Counts row={row} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function TodayList({ rows }: { rows: WorklistRow[] }) {
  const visits = todaysVisits(rows);
  if (visits.length === 0) return <Text c="dimmed">No appointments with you today.</Text>;
  return (
    <Stack
      component="ol"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label="Today's appointments"
    >
      {visits.map(({ row, appointment }) => (
        <Paper component="li" key={appointment.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <When ms={appointment.startsAt} patientZone={row.patientTimeZone} />
              <Anchor component={Link} to={patientPath(row)} fw={600}>
                {fullName(row)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {TYPE_LABELS[appointment.type]}
                {appointment.status !== 'scheduled' ? ` · ${appointment.status.replace('_', '-')}` : ''}
              </Text>
            </Stack>
            <Button
              component={Link}
              to={`${patientPath(row)}/appointments`}
              variant="light"
              aria-label={`Open the visit with ${fullName(row)}`}
            >
              Open the visit
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** The caseload as a day's worklist (issue 15): one request, sorted and filtered here. */
export function WorklistPage() {
  const worklist = useWorklist();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'today' ? 'today' : 'all';
  const [sort, setSort] = useState<WorklistSort>('urgency');
  const [filter, setFilter] = useState<WorklistFilter>({});
  const [query, setQuery] = useState('');
  const rows = worklist.data?.patients;
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return arrangeWorklist(rows ?? [], sort, filter).filter(
      (r) => q === '' || `${r.givenName} ${r.familyName}`.toLowerCase().includes(q),
    );
  }, [rows, sort, filter, query]);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>My caseload</PageTitle>
          <Text c="dimmed">Patients whose care team you are on, most urgent first.</Text>
        </div>
        <Button component={Link} to="/patients/new" leftSection={<IconUserPlus size={18} aria-hidden />}>
          Enrol patient
        </Button>
      </Group>
      <SegmentedControl
        aria-label="Show"
        value={view}
        onChange={(v) => {
          setParams(v === 'today' ? { view: 'today' } : {}, { replace: true });
        }}
        data={[
          { value: 'all', label: 'All patients' },
          { value: 'today', label: 'Today' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {worklist.isPending && <LoadingState label="Loading your worklist…" />}
      {worklist.isError && <ErrorState error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {rows && view === 'today' && (
        <Box component="section" aria-label="Today">
          <TodayList rows={rows} />
        </Box>
      )}
      {rows && view === 'all' && (
        <>
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label="Search by name"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              type="search"
              w={220}
            />
            <Select
              label="Sort by"
              value={sort}
              allowDeselect={false}
              onChange={(v) => {
                const next = worklistSorts.find((s) => s === v);
                if (next) setSort(next);
              }}
              data={worklistSorts.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
              w={220}
            />
            <Select
              label="My role"
              value={filter.role ?? 'any'}
              allowDeselect={false}
              onChange={(v) => setFilter((f) => ({ ...f, role: v === 'any' || v === null ? null : v }))}
              data={[
                { value: 'any', label: 'Any role' },
                ...ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
              ]}
              w={180}
            />
          </Group>
          <Group gap="lg" wrap="wrap" role="group" aria-label="Filters">
            <Checkbox
              label="Has open alerts"
              checked={filter.hasAlerts === true}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setFilter((f) => ({ ...f, hasAlerts: on }));
              }}
            />
            <Checkbox
              label="Seen today"
              checked={filter.seenToday === true}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setFilter((f) => ({ ...f, seenToday: on }));
              }}
            />
            <Checkbox
              label="Not improving"
              checked={filter.notImproving === true}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setFilter((f) => ({ ...f, notImproving: on }));
              }}
            />
          </Group>
          <Text size="sm" aria-live="polite">
            {visible.length === rows.length
              ? `${String(rows.length)} patients`
              : `${String(visible.length)} of ${String(rows.length)} patients`}
          </Text>
          <Paper withBorder radius="md" component="section" aria-label="Patients" visibleFrom="sm">
            <WorklistTable rows={visible} />
          </Paper>
          <Box hiddenFrom="sm">
            <WorklistCards rows={visible} />
          </Box>
          {rows.length === 0 && (
            <Text c="dimmed">No patients yet. Use “Enrol patient” to add your first.</Text>
          )}
        </>
      )}
    </Stack>
  );
}
