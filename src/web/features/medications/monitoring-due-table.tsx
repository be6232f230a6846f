// What monitoring is due for this patient's medications: each test, when, its last result and its schedule.
import { Group, Stack, Table, Text } from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { formatDay } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import type { MonitoringItem } from './api';

const statusWords: Record<MonitoringItem['status'], { label: string; color: string }> = {
  overdue: { label: 'Overdue', color: 'red' },
  due_soon: { label: 'Due soon', color: 'orange' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  none: { label: 'Nothing due', color: 'gray' },
};

function DueCell({ item }: { item: MonitoringItem }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <SoftBadge size="sm" color={statusWords[item.status].color}>
          {statusWords[item.status].label}
        </SoftBadge>
        <Text size="sm">
          {item.dueFrom ? `${formatDay(item.dueFrom)} – ` : ''}
          {item.dueOn ? formatDay(item.dueOn) : '—'}
          {item.daysOverdue > 0 ? ` (${String(item.daysOverdue)} days late)` : ''}
        </Text>
      </Group>
      {item.reason && <Text size="xs">{item.reason}</Text>}
      {item.instruction && (
        <Text size="xs" c="dimmed">
          {item.instruction}
        </Text>
      )}
    </Stack>
  );
}

/** The tests due for the current medications (lithium, clozapine ANC, valproate, antipsychotic metabolic). */
export function MonitoringDueTable({ items }: { items: MonitoringItem[] }) {
  return (
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
          {items.map((i) => (
            <Table.Tr key={`${i.medicationId}:${i.code}`}>
              <Table.Td>{i.label}</Table.Td>
              <Table.Td>{i.medicationName}</Table.Td>
              <Table.Td>
                <DueCell item={i} />
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
  );
}
