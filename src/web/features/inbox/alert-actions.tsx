import { Alert as Callout, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isApiError } from '../../app/api-client';
import type { Alert } from '../../../shared/alerts/api';
import { errorMessage } from '../../components/query-state';
import { stateLine } from './alert-words';
import { useChangeAlert } from './api';

function currentFrom(details: unknown): Alert | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = details.current;
  return typeof current === 'object' && current !== null && 'state' in current && 'version' in current
    ? (current as Alert)
    : null;
}

/** A sentence for a lost race (412) or an alert already handled (409), saying how it stands now. */
function raceMessage(error: unknown): string {
  const current = isApiError(error) ? currentFrom(error.details) : null;
  const now = current ? stateLine(current) : null;
  if (isApiError(error, 'precondition_failed')) {
    return `Someone else updated this alert while you were looking at it.${now ? ` ${now}.` : ''} The list now shows how it stands.`;
  }
  return `This alert was already handled.${now ? ` ${now}.` : ''}`;
}

const isRace = (error: unknown) => isApiError(error, 'precondition_failed') || isApiError(error, 'conflict');

/** Acknowledge ("I'm on it") and resolve (with a note) for one alert. */
export function AlertActions({ alert, compact = false }: { alert: Alert; compact?: boolean }) {
  const change = useChangeAlert();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [showNoteError, setShowNoteError] = useState(false);
  const [race, setRace] = useState<string | null>(null);

  if (alert.state === 'resolved') return null;

  const onError = (error: unknown) => {
    if (isRace(error)) {
      setResolving(false);
      setRace(raceMessage(error));
    }
  };

  const acknowledge = () => {
    setRace(null);
    change.mutate(
      { alert, to: 'acknowledged' },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Acknowledged', message: alert.title }),
        onError,
      },
    );
  };

  const resolve = () => {
    setShowNoteError(true);
    if (note.trim() === '') return;
    setRace(null);
    change.mutate(
      { alert, to: 'resolved', note: note.trim() },
      {
        onSuccess: () => {
          setResolving(false);
          setNote('');
          setShowNoteError(false);
          notifications.show({ color: 'green', title: 'Resolved', message: alert.title });
        },
        onError,
      },
    );
  };

  const size = compact ? 'xs' : 'sm';
  return (
    <Stack gap="xs">
      {race && (
        <Callout color="orange" variant="light" role="alert" title="Already changed">
          <Text size="sm">{race}</Text>
        </Callout>
      )}
      {change.isError && !isRace(change.error) && !resolving && (
        <Callout color="red" variant="light" role="alert">
          {errorMessage(change.error)}
        </Callout>
      )}
      <Group gap="xs">
        {alert.state === 'open' && (
          <Button
            size={size}
            onClick={acknowledge}
            loading={change.isPending && change.variables.to === 'acknowledged'}
            aria-label={`Acknowledge: ${alert.title}`}
          >
            Acknowledge
          </Button>
        )}
        {alert.lifecycle.safety ? (
          <Text size="xs" c="dimmed" maw={260}>
            Closes when a risk assessment reached the patient, or an emergency hand-off is recorded.
          </Text>
        ) : (
          <Button
            size={size}
            variant="default"
            onClick={() => setResolving(true)}
            aria-label={`Resolve: ${alert.title}`}
          >
            Resolve…
          </Button>
        )}
      </Group>
      <Modal opened={resolving} onClose={() => setResolving(false)} title="Resolve alert" centered>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {alert.title}
          </Text>
          <Textarea
            label="Resolution note"
            description="What was done, for the rest of the care team."
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={showNoteError && note.trim() === '' ? 'Say how it was resolved.' : undefined}
            data-autofocus
          />
          {change.isError && !isRace(change.error) && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(change.error)}
            </Callout>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setResolving(false)}>
              Cancel
            </Button>
            <Button onClick={resolve} loading={change.isPending}>
              Resolve
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
