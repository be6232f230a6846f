import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { SoftBadge } from '../../components/badges';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { existingLogOf, useCorrectDose, useLogDose, type TodayDose } from './api';
import type { NewDoseLog } from '../../../shared/doses/schemas';
import { SkipReasons } from './skip-reasons';
import { REPEATED_HOUR_SUFFIX } from '../../../shared/medications/schedule';
import { amountText, localTimeText, skipReasonLabels, timeIn, type SkipReason } from './words';

/**
 * One scheduled dose with big Taken / Skip buttons. Every tap makes its log id once; "Try again" resends
 * the same request (same id), so a flaky connection never records the dose twice.
 */
export function DoseRow({
  patientId,
  dose,
  timeZone,
  canLog,
}: {
  patientId: string;
  dose: TodayDose;
  timeZone: string;
  canLog: boolean;
}) {
  const logDose = useLogDose(patientId);
  const correct = useCorrectDose(patientId);
  const [skipping, setSkipping] = useState(false);
  const [changing, setChanging] = useState(false);
  const [failed, setFailed] = useState<NewDoseLog | null>(null);
  // The second dose at a wall time the clock shows twice (the night the clocks go back; issue 11).
  const repeated = dose.doseKey.endsWith(REPEATED_HOUR_SUFFIX) ? ' (again, after the clocks went back)' : '';
  const label = `${dose.name} ${amountText(dose.doseAmount, dose.doseUnit)} at ${localTimeText(dose.localTime)}${repeated}`;

  const send = (body: NewDoseLog) => {
    setFailed(null);
    logDose.mutate(body, {
      onError: (error) => {
        if (!existingLogOf(error)) setFailed(body);
      },
      onSuccess: () => setSkipping(false),
    });
  };
  const log = (status: 'taken' | 'skipped', skipReason?: SkipReason, note?: string) =>
    send({
      id: newClientId(),
      medicationId: dose.medicationId,
      doseKey: dose.doseKey,
      status,
      skipReason,
      note,
    });

  const logged = dose.log;
  const correctable = logged !== null && Date.now() < logged.correctableUntil;
  const busy = logDose.isPending || correct.isPending;

  return (
    <Stack
      component="li"
      gap="xs"
      p="sm"
      aria-label={label}
      style={{
        border: `${dose.dueNow ? 2 : 1}px solid var(--mantine-color-${dose.dueNow ? 'blue-6' : 'gray-3'})`,
        borderRadius: 8,
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={700} size="lg">
            {localTimeText(dose.localTime)}
            {repeated}
          </Text>
          <Text>
            {dose.name} · {amountText(dose.doseAmount, dose.doseUnit)}
          </Text>
        </div>
        {dose.dueNow && <SoftBadge color="blue">Due now</SoftBadge>}
        {dose.state === 'taken' && <SoftBadge color="green">Taken</SoftBadge>}
        {dose.state === 'skipped' && <SoftBadge color="gray">Skipped</SoftBadge>}
      </Group>

      {dose.state === 'due' && canLog && !skipping && (
        <Group grow gap="sm">
          {/* Narrow side padding: at 360 px two large buttons with the default padding cut "Taken" short. */}
          <Button
            size="lg"
            px="xs"
            color="teal.9"
            leftSection={<IconCheck size={22} aria-hidden />}
            onClick={() => log('taken')}
            disabled={busy}
            aria-label={`Taken: ${label}`}
          >
            Taken
          </Button>
          <Button
            size="lg"
            px="xs"
            variant="default"
            leftSection={<IconX size={22} aria-hidden />}
            onClick={() => setSkipping(true)}
            disabled={busy}
            aria-label={`Skip: ${label}`}
          >
            Skip
          </Button>
        </Group>
      )}
      {skipping && (
        <SkipReasons
          label={label}
          busy={busy}
          onCancel={() => setSkipping(false)}
          onChoose={(reason, note) => log('skipped', reason, note)}
        />
      )}

      {logged && (
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {logged.status === 'taken' && logged.takenAt !== null
              ? `Taken at ${timeIn(logged.takenAt, timeZone)}`
              : `Skipped: ${logged.skipReason ? skipReasonLabels[logged.skipReason] : ''}${logged.note ? ` (${logged.note})` : ''}`}
            {logged.lateEntry ? ' · late entry' : ''}
          </Text>
          {canLog && correctable && !changing && (
            <Button variant="subtle" size="compact-sm" onClick={() => setChanging(true)}>
              Change
            </Button>
          )}
        </Group>
      )}
      {changing && logged && logged.status === 'taken' && (
        <SkipReasons
          label={label}
          busy={busy}
          onCancel={() => setChanging(false)}
          onChoose={(reason, note) =>
            correct.mutate(
              { log: logged, status: 'skipped', skipReason: reason, note },
              {
                onSuccess: () => setChanging(false),
              },
            )
          }
        />
      )}
      {changing && logged && logged.status === 'skipped' && (
        <Group grow gap="sm">
          <Button
            size="md"
            color="teal.9"
            loading={correct.isPending}
            onClick={() =>
              correct.mutate({ log: logged, status: 'taken' }, { onSuccess: () => setChanging(false) })
            }
          >
            I took it after all
          </Button>
          <Button size="md" variant="default" onClick={() => setChanging(false)}>
            Cancel
          </Button>
        </Group>
      )}

      {failed && (
        <Alert color="red" variant="light" role="alert" title="Not saved yet">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{errorMessage(logDose.error)}</Text>
            <Button
              size="xs"
              color="red"
              variant="white"
              onClick={() => send(failed)}
              loading={logDose.isPending}
            >
              Try again
            </Button>
          </Group>
        </Alert>
      )}
      {correct.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(correct.error)}
        </Alert>
      )}
    </Stack>
  );
}
