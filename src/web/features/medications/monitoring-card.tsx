import {
  Alert as Callout,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { newClientId } from '../messaging/api';
import { useMonitoring, useRecordMonitoringResult, type MonitoringItem } from './api';
import { fieldErrors } from './field-errors';

const statusWords: Record<MonitoringItem['status'], { label: string; color: string }> = {
  overdue: { label: 'Overdue', color: 'red' },
  due_soon: { label: 'Due soon', color: 'orange' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  none: { label: 'Nothing due', color: 'gray' },
};

function RecordResultForm({
  patientId,
  items,
  today,
}: {
  patientId: string;
  items: MonitoringItem[];
  today: string;
}) {
  const record = useRecordMonitoringResult(patientId);
  const [id, setId] = useState(newClientId);
  const tests = [...new Map(items.map((i) => [i.code, i])).values()];
  const [code, setCode] = useState<string | null>(tests[0]?.code ?? null);
  const chosen = tests.find((t) => t.code === code);
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState(chosen?.defaultUnit ?? '');
  const [takenOn, setTakenOn] = useState(today);
  const errors = fieldErrors(record.error);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const medicationId = items.find((i) => i.code === chosen.code)?.medicationId ?? null;
    record.mutate(
      { id, test: chosen.code, value, unit, takenOn, medicationId },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Result recorded',
            message: `${chosen.label}: ${value} ${unit}`,
          });
          setId(newClientId());
          setValue('');
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a monitoring result">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Record a result
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <Select
            label="Test"
            data={tests.map((t) => ({ value: t.code, label: t.label }))}
            value={code}
            onChange={(v) => {
              setCode(v);
              setUnit(tests.find((t) => t.code === v)?.defaultUnit ?? '');
            }}
            allowDeselect={false}
          />
          <TextInput
            label="Value"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            required
            error={errors.value}
          />
          <TextInput
            label="Unit"
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            required
            error={errors.unit}
          />
          <TextInput
            type="date"
            label="Taken on"
            value={takenOn}
            onChange={(e) => setTakenOn(e.currentTarget.value)}
            required
            error={errors.takenOn}
          />
        </SimpleGrid>
        {record.isError && Object.keys(errors).length === 0 && (
          <Callout color="red" variant="light">
            {errorMessage(record.error)}
          </Callout>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            size="sm"
            loading={record.isPending}
            disabled={value.trim() === '' || unit.trim() === ''}
          >
            Record result
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Monitoring due and overdue (lithium, clozapine ANC, valproate LFTs, antipsychotic metabolic) and results. */
export function MonitoringCard({ patientId, canRecord }: { patientId: string; canRecord: boolean }) {
  const view = useMonitoring(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="monitoring-heading">
      <Title order={2} size="h4" id="monitoring-heading" mb="sm">
        Monitoring
      </Title>
      {view.isPending && <LoadingState />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && view.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No current medication needs monitoring.
        </Text>
      )}
      {view.data && view.data.items.length > 0 && (
        <Stack gap="sm">
          <ScrollTable label="Monitoring due">
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Test</Table.Th>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Last result</Table.Th>
                  <Table.Th>Schedule</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.items.map((i) => (
                  <Table.Tr key={`${i.medicationId}:${i.code}`}>
                    <Table.Td>{i.label}</Table.Td>
                    <Table.Td>{i.medicationName}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <SoftBadge size="sm" color={statusWords[i.status].color}>
                          {statusWords[i.status].label}
                        </SoftBadge>
                        <Text size="sm">
                          {i.dueOn ? formatDay(i.dueOn) : '—'}
                          {i.daysOverdue > 0 ? ` (${String(i.daysOverdue)} days late)` : ''}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{i.lastResultOn ? formatDay(i.lastResultOn) : 'none'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" title={i.source}>
                        {i.scheduleText}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {canRecord && (
            <RecordResultForm patientId={patientId} items={view.data.items} today={view.data.today} />
          )}
          {view.data.results.length > 0 && (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                Recorded results
              </Text>
              {view.data.results.slice(0, 10).map((r) => (
                <Text size="sm" key={r.id}>
                  {formatDay(r.takenOn)} · {view.data.items.find((i) => i.code === r.test)?.label ?? r.test}:{' '}
                  {r.value} {r.unit}{' '}
                  <Text span size="xs" c="dimmed">
                    ({r.recordedBy.name})
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
