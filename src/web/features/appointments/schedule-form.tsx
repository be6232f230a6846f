import {
  Alert as Callout,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { NumberField } from '../../components/number-field';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { AppointmentMode, AppointmentType, NewAppointment } from '../../../shared/appointments/schemas';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useBookAppointment } from './api';
import { MODE_LABELS, TYPE_LABELS } from './words';
import { DaytimeWarning, RoomFields } from './room-fields';

type Repeat = 'once' | 'weekly' | 'fortnightly';
type EndBy = 'count' | 'until';

/** Book a single appointment or a weekly/fortnightly series, in the patient's time zone. */
export function ScheduleForm({
  patientId,
  timeZone,
  canBook,
}: {
  patientId: string;
  timeZone: string;
  canBook: AppointmentType[];
}) {
  const book = useBookAppointment(patientId);
  const [id, setId] = useState(newClientId);
  const [type, setType] = useState<AppointmentType | null>(canBook[0] ?? null);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('09:00');
  const [duration, setDuration] = useState<number>(canBook[0] === 'medication_review' ? 20 : 50);
  const [mode, setMode] = useState<AppointmentMode>('in_person');
  const [location, setLocation] = useState('');
  const [room, setRoom] = useState('');
  const [telehealthUrl, setTelehealthUrl] = useState('');
  const [repeat, setRepeat] = useState<Repeat>('weekly');
  const [endBy, setEndBy] = useState<EndBy>('count');
  const [count, setCount] = useState<number>(8);
  const [until, setUntil] = useState('');

  if (canBook.length === 0) return null;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const body: NewAppointment = {
      id,
      ...(type ? { type } : {}),
      day,
      time,
      durationMinutes: duration,
      mode,
      location: location.trim() === '' ? null : location.trim(),
      room: room.trim() === '' ? null : room.trim(),
      telehealthUrl: telehealthUrl.trim() === '' ? null : telehealthUrl.trim(),
      recurrence:
        repeat === 'once'
          ? null
          : { frequency: repeat, ...(endBy === 'count' ? { count } : { untilDay: until }) },
    };
    book.mutate(body, {
      onSuccess: (result) => {
        setId(newClientId());
        notifications.show({
          color: 'green',
          title: result.appointments.length === 1 ? 'Appointment booked' : 'Series booked',
          message: `${String(result.appointments.length)} appointment${result.appointments.length === 1 ? '' : 's'} booked.`,
        });
      },
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="schedule-heading">
      <Title order={2} size="h4" id="schedule-heading" mb="xs">
        Schedule
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Day and time are in the patient&apos;s time zone ({timeZone}).
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {canBook.length > 1 && (
            <Select
              label="Type"
              data={canBook.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
              value={type}
              onChange={(v) => setType(v)}
              allowDeselect={false}
            />
          )}
          {canBook.length === 1 && canBook[0] && (
            <Text size="sm">
              <strong>{TYPE_LABELS[canBook[0]]}</strong>
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label="First day"
              type="date"
              required
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
            />
            <TextInput
              label="Time"
              type="time"
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
            <NumberField
              label="Minutes"
              min={10}
              max={240}
              step={5}
              value={duration}
              onChange={(v) => setDuration(typeof v === 'number' ? v : Number(v) || 50)}
            />
          </SimpleGrid>
          <DaytimeWarning day={day} time={time} minutes={duration} timeZone={timeZone} />
          <div>
            <Text size="sm" fw={500} mb={4} id="mode-label">
              How
            </Text>
            <SegmentedControl
              aria-labelledby="mode-label"
              value={mode}
              onChange={(v) => setMode(v)}
              data={(['in_person', 'video', 'phone'] as const).map((m) => ({
                value: m,
                label: MODE_LABELS[m],
              }))}
            />
          </div>
          <TextInput
            label={
              mode === 'video' ? 'Video link or how to join' : mode === 'phone' ? 'Who calls whom' : 'Where'
            }
            description="Shown to the patient."
            maxLength={500}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <RoomFields
            room={room}
            onRoom={setRoom}
            telehealthUrl={telehealthUrl}
            onTelehealthUrl={setTelehealthUrl}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="repeat-label">
              Repeats
            </Text>
            <SegmentedControl
              aria-labelledby="repeat-label"
              value={repeat}
              onChange={(v) => setRepeat(v)}
              data={[
                { value: 'once', label: 'Once' },
                { value: 'weekly', label: 'Weekly' },
                { value: 'fortnightly', label: 'Every 2 weeks' },
              ]}
            />
          </div>
          {repeat !== 'once' && (
            <Group align="flex-end" gap="sm" wrap="wrap">
              <SegmentedControl
                aria-label="End the series by"
                value={endBy}
                onChange={(v) => setEndBy(v)}
                data={[
                  { value: 'count', label: 'How many' },
                  { value: 'until', label: 'Until a date' },
                ]}
              />
              {endBy === 'count' ? (
                <NumberField
                  label="Sessions"
                  min={2}
                  max={52}
                  w={120}
                  value={count}
                  onChange={(v) => setCount(typeof v === 'number' ? v : Number(v) || 2)}
                />
              ) : (
                <TextInput
                  label="Last day"
                  type="date"
                  value={until}
                  onChange={(e) => setUntil(e.currentTarget.value)}
                />
              )}
            </Group>
          )}
          {book.isError && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(book.error)}
            </Callout>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={book.isPending} disabled={day === '' || time === ''}>
              {repeat === 'once' ? 'Book appointment' : 'Book series'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
