import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useLogDose, type AsNeededToday } from './api';
import type { NewDoseLog } from '../../../shared/doses/schemas';
import { amountText, timeIn } from './words';

const WHEN = [
  { value: '0', label: 'Now' },
  { value: '30', label: '30 min ago' },
  { value: '60', label: '1 h ago' },
  { value: '120', label: '2 h ago' },
];

/** An as-needed medicine: today's count against the maximum, and "Log a dose" with when and why. */
export function AsNeededRow({
  patientId,
  medicine,
  timeZone,
  canLog,
}: {
  patientId: string;
  medicine: AsNeededToday;
  timeZone: string;
  canLog: boolean;
}) {
  const logDose = useLogDose(patientId);
  const [open, setOpen] = useState(false);
  const [minutesAgo, setMinutesAgo] = useState('0');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<NewDoseLog | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const name = `${medicine.name} ${amountText(medicine.doseAmount, medicine.doseUnit)}`;

  const send = (body: NewDoseLog) => {
    setPending(body);
    logDose.mutate(body, {
      onSuccess: (result) => {
        setPending(null);
        setOpen(false);
        setReason('');
        setWarning(result?.warning ?? null);
      },
    });
  };

  return (
    <Stack
      component="li"
      gap="xs"
      p="sm"
      aria-label={name}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={700}>{name}</Text>
          <Text size="sm" c="dimmed">
            As needed · {medicine.countToday} of at most {medicine.maxPerDay} today
          </Text>
        </div>
        {canLog && !open && (
          <Button
            size="md"
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            Log a dose
          </Button>
        )}
      </Group>
      {medicine.logs.length > 0 && (
        <Text size="sm" c="dimmed">
          Taken at{' '}
          {medicine.logs
            .filter((l) => l.takenAt !== null)
            .map((l) => timeIn(l.takenAt ?? 0, timeZone))
            .join(', ')}
          {medicine.hasMoreLogs && ` (showing the latest ${String(medicine.logs.length)})`}
        </Text>
      )}
      {open && (
        <Stack gap="xs">
          <Text fw={600} size="sm" id={`when-${medicine.medicationId}`}>
            When did you take it?
          </Text>
          <SegmentedControl
            data={WHEN}
            value={minutesAgo}
            onChange={setMinutesAgo}
            fullWidth
            size="md"
            aria-labelledby={`when-${medicine.medicationId}`}
          />
          <TextInput
            label="What was it for? (optional)"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
            size="md"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="subtle" onClick={() => setOpen(false)} disabled={logDose.isPending}>
              Cancel
            </Button>
            <Button
              size="md"
              loading={logDose.isPending}
              onClick={() =>
                send(
                  pending ?? {
                    id: newClientId(),
                    medicationId: medicine.medicationId,
                    doseKey: null,
                    status: 'taken',
                    takenAt: Date.now() - Number(minutesAgo) * 60_000,
                    note: reason.trim() || undefined,
                  },
                )
              }
            >
              {pending && logDose.isError ? 'Try again' : 'Save'}
            </Button>
          </Group>
          {logDose.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(logDose.error)}
            </Alert>
          )}
        </Stack>
      )}
      {warning && (
        <Alert color="orange" variant="light" role="status">
          {warning}
        </Alert>
      )}
    </Stack>
  );
}
