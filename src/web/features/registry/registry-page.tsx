import {
  Anchor,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSearch, IconSelector } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { registryFlags } from '../../../shared/registry/flags';
import { arrangeRegistry } from '../../../shared/registry/ranking';
import { registrySortKeys } from '../../../shared/registry/schemas';
import { registryStatuses } from '../../../shared/registry/status';
import type {
  RegistryFlag,
  RegistryRow,
  RegistryScope,
  RegistrySortKey,
  RegistryStatus,
} from '../../../shared/registry/api';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { formatDay } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { useRegistry } from './api';
import type { CocmMonthView } from '../../../shared/care-contacts/api';
import { useCareMinutes } from '../case-review/api';
import { minutesAgainstThreshold } from '../case-review/care-contacts-card';
import { FLAG_COLORS, FLAG_LABELS, STATUS_COLORS, STATUS_LABELS } from './registry-words';

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

const shortDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const COLUMNS: { key: RegistrySortKey | null; label: string }[] = [
  { key: 'name', label: 'Patient' },
  { key: null, label: 'Status and flags' },
  { key: 'weeks', label: 'Weeks' },
  { key: 'phq9', label: 'PHQ-9' },
  { key: 'gad7', label: 'GAD-7' },
  { key: 'change', label: 'Change' },
  { key: 'lastContact', label: 'Last contact' },
  { key: null, label: 'Minutes this month' },
  { key: 'nextDue', label: 'Next due' },
  { key: 'adherence', label: 'Adherence' },
  { key: null, label: 'Alerts' },
];

/** Doses taken of those scheduled over the clinic's alert window (14 days by default). */
function adherence(a: RegistryRow['adherence']) {
  if (a?.percent == null)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <span
      title={`${String(a.taken)} of ${String(a.scheduled)} doses taken in the last ${String(a.days)} days`}
    >
      {a.percent}%
    </span>
  );
}

function scores(summary: RegistryRow['phq9']) {
  if (!summary.baseline)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <>
      {summary.baseline.total} → <strong>{summary.latest?.total ?? '—'}</strong>
    </>
  );
}

function change(percent: number | null) {
  if (percent === null)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  // Positive = a fall (better): say it in words rather than with a sign that reads backwards.
  return percent >= 0 ? `${String(percent)}% lower` : `${String(Math.abs(percent))}% higher`;
}

function RegistryTableRow({ row, minutes }: { row: RegistryRow; minutes: CocmMonthView | undefined }) {
  const alerts = row.openAlerts;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/patients/${row.patientId}`}
          fw={600}
          underline="always"
          style={{ whiteSpace: 'nowrap' }}
        >
          {row.familyName}, {row.givenName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="wrap" maw={260}>
          <SoftBadge color={STATUS_COLORS[row.status]}>{STATUS_LABELS[row.status]}</SoftBadge>
          {row.flags.map((flag) => (
            <SoftBadge key={flag} color={FLAG_COLORS[flag]} size="sm" variant="outline">
              {FLAG_LABELS[flag]}
            </SoftBadge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{row.weeksInTreatment ?? '—'}</Table.Td>
      <Table.Td>{scores(row.phq9)}</Table.Td>
      <Table.Td>{scores(row.gad7)}</Table.Td>
      <Table.Td>{change(row.phq9.changePercent)}</Table.Td>
      <Table.Td>
        {row.lastClinicianContactAt === null ? 'Never' : shortDay.format(row.lastClinicianContactAt)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{minutes ? minutesAgainstThreshold(minutes) : '—'}</Table.Td>
      <Table.Td>{row.nextMeasureDue ? formatDay(row.nextMeasureDue) : '—'}</Table.Td>
      <Table.Td>{adherence(row.adherence)}</Table.Td>
      <Table.Td>
        {alerts.total === 0 ? (
          <Text span c="dimmed">
            0
          </Text>
        ) : (
          <>
            {alerts.total}
            {alerts.urgent > 0 && (
              <Text span c="red.9" fw={700}>
                {' '}
                ({alerts.urgent} urgent)
              </Text>
            )}
          </>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** `/registry`: every patient against the treatment target, needs-attention first. */
export function RegistryPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const canSeeAll = user.role === 'care_manager';
  const scope: RegistryScope = canSeeAll && params.get('scope') === 'all' ? 'all' : 'mine';
  const sortParam = params.get('sort');
  const sort: RegistrySortKey = isOneOf(registrySortKeys, sortParam) ? sortParam : 'attention';
  const orderParam = params.get('order');
  const order = orderParam === 'asc' || orderParam === 'desc' ? orderParam : undefined;
  const statusParam = params.get('status');
  const status: RegistryStatus | null = isOneOf(registryStatuses, statusParam) ? statusParam : null;
  const flagParam = params.get('flag');
  const flag: RegistryFlag | null = isOneOf(registryFlags, flagParam) ? flagParam : null;
  const q = params.get('q') ?? '';

  const registry = useRegistry(scope);
  // Issue 15: care-manager minutes this calendar month (clinic zone) against the CoCM thresholds.
  const careMinutes = useCareMinutes();
  const minutesOf = new Map((careMinutes.data?.patients ?? []).map((p) => [p.patientId, p.cocm]));
  const rows = useMemo(
    () =>
      arrangeRegistry(registry.data?.patients ?? [], {
        sort,
        order,
        status: status ? [status] : undefined,
        flag: flag ? [flag] : undefined,
        q: q.trim() || undefined,
      }),
    [registry.data, sort, order, status, flag, q],
  );

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const sortBy = (key: RegistrySortKey) => {
    if (sort === key) set({ order: order === 'asc' ? 'desc' : 'asc' });
    else set({ sort: key, order: null });
  };
  const ariaSort = (key: RegistrySortKey | null) => {
    if (key === null || sort !== key) return undefined;
    return order === 'desc' ? 'descending' : order === 'asc' ? 'ascending' : 'other';
  };

  return (
    <Stack gap="md">
      <div>
        <PageTitle>Registry</PageTitle>
        <Text c="dimmed">
          Every patient against the treatment target. Those who need attention come first: safety risk,
          worsening, urgent alerts, not improving, case review, overdue measures, no recent contact. Minutes:
          care-manager minutes this calendar month against the collaborative-care threshold (Duet reports
          minutes; it does not bill).
          {user.role === 'care_manager' && (
            <>
              {' '}
              Monthly minutes report:{' '}
              <Anchor href="/api/care-minutes/report.csv" underline="always">
                CSV
              </Anchor>
              {' · '}
              <Anchor href="/api/care-minutes/report.pdf" underline="always">
                PDF
              </Anchor>
            </>
          )}
        </Text>
      </div>
      <Group gap="md" align="flex-end" wrap="wrap">
        {canSeeAll && (
          <div>
            <Text size="sm" fw={500} id="registry-scope-label" mb={4}>
              Patients
            </Text>
            <SegmentedControl
              aria-labelledby="registry-scope-label"
              value={scope}
              onChange={(value) => set({ scope: value === 'all' ? 'all' : null })}
              data={[
                { value: 'mine', label: 'My caseload' },
                { value: 'all', label: 'All' },
              ]}
            />
          </div>
        )}
        <TextInput
          label="Name"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => set({ q: e.currentTarget.value })}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label="Status"
          value={status ?? ''}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={[
            { value: '', label: 'Any status' },
            ...registryStatuses.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
          w={{ base: '100%', xs: 190 }}
        />
        <NativeSelect
          label="Flag"
          value={flag ?? ''}
          onChange={(e) => set({ flag: e.currentTarget.value })}
          data={[
            { value: '', label: 'Any flag' },
            ...registryFlags.map((f) => ({ value: f, label: FLAG_LABELS[f] })),
          ]}
          w={{ base: '100%', xs: 190 }}
        />
        {sort !== 'attention' && (
          <UnstyledButton
            onClick={() => set({ sort: null, order: null })}
            c="blue.9"
            td="underline"
            fz="sm"
            py={8}
          >
            Back to needs-attention order
          </UnstyledButton>
        )}
      </Group>
      <Paper withBorder radius="md" component="section" aria-label="Registry">
        {registry.isPending && <LoadingState label="Loading the registry…" />}
        {registry.isError && <ErrorState error={registry.error} onRetry={() => void registry.refetch()} />}
        {registry.data && (
          <ScrollTable label="Registry table">
            <Table verticalSpacing={6} horizontalSpacing="xs" highlightOnHover striped miw={940} fz="sm">
              <Table.Caption aria-live="polite">
                {rows.length === registry.data.patients.length
                  ? `${String(rows.length)} patients`
                  : `${String(rows.length)} of ${String(registry.data.patients.length)} patients`}
                {sort === 'attention' ? ', needs attention first' : ''}. PHQ-9 and GAD-7: baseline → latest;
                change: PHQ-9 from baseline.
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {COLUMNS.map((column) => (
                    <Table.Th key={column.label} scope="col" aria-sort={ariaSort(column.key)}>
                      {column.key === null ? (
                        column.label
                      ) : (
                        <UnstyledButton
                          onClick={() => sortBy(column.key as RegistrySortKey)}
                          fw={700}
                          fz="sm"
                          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                        >
                          {column.label}
                          {sort === column.key ? (
                            order === 'asc' ? (
                              <IconArrowUp size={14} aria-hidden />
                            ) : order === 'desc' ? (
                              <IconArrowDown size={14} aria-hidden />
                            ) : (
                              <IconSelector size={14} aria-hidden />
                            )
                          ) : (
                            <IconSelector size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                          )}
                        </UnstyledButton>
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <RegistryTableRow key={row.patientId} row={row} minutes={minutesOf.get(row.patientId)} />
                ))}
              </Table.Tbody>
            </Table>
            {rows.length === 0 && (
              <Text p="md" c="dimmed">
                {registry.data.patients.length === 0
                  ? 'No patients on this caseload yet.'
                  : 'No patients match these filters.'}
              </Text>
            )}
          </ScrollTable>
        )}
      </Paper>
    </Stack>
  );
}
