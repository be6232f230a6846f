import { SoftBadge } from '../../components/badges';
import { Button, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDay } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import type { Medication } from './api';
import { actionLabels, ChangeMedicationModal, type ChangeAction } from './change-medication-modal';
import { MedicationHistory } from './medication-history';
import { doseText, periodText, statusColor, statusLabel } from './medication-words';

/** One medication on the medications page: regimen, planned steps, actions (prescriber) and history. */
export function MedicationItem({
  patientId,
  medication: med,
  today,
  canPrescribe,
}: {
  patientId: string;
  medication: Medication;
  today: string;
  canPrescribe: boolean;
}) {
  const [action, setAction] = useState<ChangeAction | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const headingId = `medication-${med.id}`;
  const actions: ChangeAction[] = [
    'change_dose',
    'plan_steps',
    med.status === 'paused' ? 'resume' : 'pause',
    'edit_details',
    'stop',
  ];
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap={8}>
            <Title order={3} size="h5" id={headingId}>
              {med.name}
            </Title>
            <SoftBadge size="sm" color={statusColor[med.status]}>
              {statusLabel[med.status]}
            </SoftBadge>
            {med.freeText && (
              <SoftBadge size="sm" color="gray">
                not in catalogue
              </SoftBadge>
            )}
          </Group>
          {canPrescribe && med.status !== 'stopped' && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} aria-hidden />}>
                  Change…
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.map((a) => (
                  <Menu.Item key={a} color={a === 'stop' ? 'red' : undefined} onClick={() => setAction(a)}>
                    {actionLabels[a]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="sm">
          <strong>Today:</strong> {periodText(med.current)}
        </Text>
        {med.current?.overMaximumReason && (
          <Text size="sm" c="red.9">
            <strong>Above the label maximum.</strong> Prescriber’s reason: {med.current.overMaximumReason}
          </Text>
        )}
        {med.monitoringAnswer && (
          <Text size="sm">
            <strong>Not in the catalogue:</strong>{' '}
            {med.monitoringAnswer.needsMonitoring
              ? 'the prescriber says it needs monitoring'
              : 'no monitoring needed (prescriber)'}
            {med.monitoringAnswer.note !== '' ? `: ${med.monitoringAnswer.note}` : ''}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {med.form}, {med.route}
          {med.drugClass ? ` · ${med.drugClass}` : ''} · from {formatDay(med.startDate)}
          {med.endDate ? ` to ${formatDay(med.endDate)}` : ''} · prescribed by {med.prescribedBy.name}
        </Text>
        {med.instructions !== '' && (
          <Text size="sm">
            <strong>Instructions:</strong> {med.instructions}
          </Text>
        )}
        {med.upcoming.length > 0 && med.status !== 'stopped' && (
          <ScrollTable label={`Planned steps for ${med.name}`}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Dose</Table.Th>
                  <Table.Th>Schedule</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {med.upcoming.map((p) => (
                  <Table.Tr key={p.from}>
                    <Table.Td>{formatDay(p.from)}</Table.Td>
                    <Table.Td>{p.paused ? 'Paused' : doseText(p)}</Table.Td>
                    <Table.Td>{p.paused ? '' : p.scheduleText}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setShowHistory((v) => !v)}
            aria-expanded={showHistory}
            aria-controls={`${headingId}-history`}
          >
            {showHistory ? 'Hide history' : 'Show history'}
          </Button>
        </Group>
        <div id={`${headingId}-history`}>
          {showHistory && <MedicationHistory patientId={patientId} medicationId={med.id} />}
        </div>
      </Stack>
      {action && (
        <ChangeMedicationModal
          patientId={patientId}
          medication={med}
          action={action}
          today={today}
          onClose={() => setAction(null)}
        />
      )}
    </Paper>
  );
}
