import {
  Alert as Callout,
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { Appointment } from '../../../shared/appointments/schemas';
import { errorMessage } from '../../components/query-state';
import { useRescheduleAppointment } from './api';
import { TYPE_LABELS, whenWords } from './words';
import { DaytimeWarning, RoomFields } from './room-fields';

/**
 * Moves one appointment, or it and the later ones of its series (same shift in days, new time); its room and
 * telehealth link change with it (issue 15).
 */
export function MoveModal({
  patientId,
  appointment: a,
  onClose,
}: {
  patientId: string;
  appointment: Appointment;
  onClose: () => void;
}) {
  const move = useRescheduleAppointment(patientId);
  const [day, setDay] = useState(a.day);
  const [time, setTime] = useState(a.time);
  const [scope, setScope] = useState<'one' | 'this_and_following'>('one');
  const [room, setRoom] = useState(a.room ?? '');
  const [telehealthUrl, setTelehealthUrl] = useState(a.telehealthUrl ?? '');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    move.mutate(
      {
        appointment: a,
        scope,
        day,
        time,
        room: room.trim() === '' ? null : room.trim(),
        telehealthUrl: telehealthUrl.trim() === '' ? null : telehealthUrl.trim(),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Move ${TYPE_LABELS[a.type].toLowerCase()}`} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">Now: {whenWords(a)}</Text>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label="New day"
              type="date"
              required
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
            />
            <TextInput
              label="New time"
              type="time"
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
          </SimpleGrid>
          <DaytimeWarning day={day} time={time} minutes={a.durationMinutes} timeZone={a.timeZone} />
          <RoomFields
            room={room}
            onRoom={setRoom}
            telehealthUrl={telehealthUrl}
            onTelehealthUrl={setTelehealthUrl}
          />
          {a.seriesId && (
            <SegmentedControl
              aria-label="Which appointments"
              value={scope}
              onChange={(v) => setScope(v === 'this_and_following' ? v : 'one')}
              data={[
                { value: 'one', label: 'Only this one' },
                { value: 'this_and_following', label: 'This and the following' },
              ]}
            />
          )}
          {move.isError && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(move.error)}
            </Callout>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Keep as it is
            </Button>
            <Button type="submit" loading={move.isPending} disabled={day === '' || time === ''}>
              Move
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
