import { Group, NativeSelect, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanOverview } from '../../../shared/treatment-plans/api';
import { formatDateTime, roleLabel } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ShowingLatest } from '../../components/showing-latest';
import { usePlanDiff, usePlanHistory } from './api';
import {
  HISTORY_ACTION_LABELS,
  SECTION_LABELS,
  VERSION_STATUS_LABELS,
  pathLabel,
  valueText,
} from './plan-words';

function DiffTable({ patientId, from, to }: { patientId: string; from: number; to: number }) {
  const diff = usePlanDiff(patientId, from, to);
  if (from === to) return <Text size="sm">Choose two different versions.</Text>;
  if (diff.isPending) return <LoadingState label="Comparing…" />;
  if (diff.isError) return <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />;
  if (diff.data.changes.length === 0) return <Text size="sm">These versions say the same.</Text>;
  return (
    <ScrollTable label="Differences between the versions">
      <Table verticalSpacing="xs" withColumnBorders miw={640}>
        <Table.Caption>
          {diff.data.changes.length} {diff.data.changes.length === 1 ? 'difference' : 'differences'}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="24%">
              What
            </Table.Th>
            <Table.Th scope="col">Version {from}</Table.Th>
            <Table.Th scope="col">Version {to}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diff.data.changes.map((change) => (
            <Table.Tr key={change.path}>
              <Table.Th scope="row" fw={600} fz="sm">
                {pathLabel(change.path)}
              </Table.Th>
              <Table.Td bg="red.0" style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }} fz="sm">
                {valueText(change.before)}
              </Table.Td>
              <Table.Td bg="green.0" style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }} fz="sm">
                {valueText(change.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Every version with who changed what, when and why, and a side-by-side comparison of two versions. */
export function PlanHistory({ patientId, plan }: { patientId: string; plan: PlanOverview }) {
  const history = usePlanHistory(patientId);
  const numbers = plan.versions.map((v) => v.number).sort((a, b) => a - b);
  const [from, setFrom] = useState(numbers.length > 1 ? (numbers.at(-2) ?? 1) : (numbers[0] ?? 1));
  const [to, setTo] = useState(numbers.at(-1) ?? 1);
  const versionOptions = [...plan.versions]
    .sort((a, b) => a.number - b.number)
    .map((v) => ({
      value: String(v.number),
      label: `Version ${String(v.number)} (${VERSION_STATUS_LABELS[v.status]})`,
    }));

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="compare-heading">
        <Title order={2} size="h4" id="compare-heading" mb="sm">
          Compare versions
        </Title>
        {numbers.length < 2 ? (
          <Text size="sm" c="dimmed">
            There is only one version so far.
          </Text>
        ) : (
          <Stack gap="sm">
            <Group gap="md">
              <NativeSelect
                label="From"
                value={String(from)}
                onChange={(e) => setFrom(Number(e.currentTarget.value))}
                data={versionOptions}
              />
              <NativeSelect
                label="To"
                value={String(to)}
                onChange={(e) => setTo(Number(e.currentTarget.value))}
                data={versionOptions}
              />
            </Group>
            <DiffTable patientId={patientId} from={from} to={to} />
          </Stack>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="plan-history-heading">
        <Title order={2} size="h4" id="plan-history-heading" mb="sm">
          Who changed what
        </Title>
        {history.isPending && <LoadingState />}
        {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && (
          <Timeline bulletSize={14} lineWidth={2} active={history.data.entries.length}>
            {[...history.data.entries]
              .sort((a, b) => b.at - a.at)
              .map((entry) => (
                <Timeline.Item
                  key={entry.id}
                  title={
                    <Text size="sm" fw={600} component="span">
                      Version {entry.versionNumber} {HISTORY_ACTION_LABELS[entry.action] ?? entry.action}
                      {entry.sections.length > 0
                        ? `: ${entry.sections.map((s) => SECTION_LABELS[s] ?? s).join(', ')}`
                        : ''}
                    </Text>
                  }
                >
                  <Text size="xs" c="dimmed">
                    {entry.by.name} ({roleLabel(entry.by.role).toLowerCase()}) · {formatDateTime(entry.at)}
                  </Text>
                  {entry.reason && (
                    <Text size="sm">
                      {entry.action === 'signed' ? `Attested: “${entry.reason}”` : `Why: ${entry.reason}`}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
          </Timeline>
        )}
        <ShowingLatest
          shown={history.data?.entries.length ?? 0}
          hasMore={history.data?.hasMore === true}
          what="changes"
        />
      </Paper>
    </Stack>
  );
}
