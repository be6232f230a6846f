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
import {
  newAppointmentSchema,
  type AppointmentMode,
  type AppointmentType,
  type NewAppointment,
} from '../../../shared/appointments/schemas';
import { MAX_OCCURRENCES } from '../../../shared/appointments/recurrence';
import { requiredNumber, useSchemaForm } from '../../lib/schema-form';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useBookAppointment } from './api';
import { MODE_LABELS, TYPE_LABELS } from './words';
import { DaytimeWarning } from './room-fields';

type Repeat = 'once' | 'weekly' | 'fortnightly';
type EndBy = 'count' | 'until';

type ScheduleValues = {
  type: AppointmentType | null;
  day: string;
  time: string;
  /** As the number field holds it: '' while empty (an error, never the server's default of 50). */
  duration: number | string;
  mode: AppointmentMode;
  location: string;
  room: string;
  telehealthUrl: string;
  repeat: Repeat;
  endBy: EndBy;
  count: number | string;
  until: string;
};

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The booking request built from what the form holds (newAppointmentSchema's shape). */
function bookingOf(id: string, v: ScheduleValues): NewAppointment {
  return {
    id,
    ...(v.type ? { type: v.type } : {}),
    day: v.day,
    time: v.time,
    durationMinutes: requiredNumber(v.duration),
    mode: v.mode,
    location: orNull(v.location),
    room: orNull(v.room),
    telehealthUrl: orNull(v.telehealthUrl),
    recurrence:
      v.repeat === 'once'
        ? null
        : {
            frequency: v.repeat,
            ...(v.endBy === 'count' ? { count: requiredNumber(v.count) } : { untilDay: v.until }),
          },
  };
}

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
  // Checked with the route's own schema (newAppointmentSchema) before anything is sent; its messages name
  // the ranges. An emptied number is refused at its field, never replaced by a default (issue 17).
  const form = useSchemaForm({
    schema: newAppointmentSchema,
    initialValues: (): ScheduleValues => ({
      type: canBook[0] ?? null,
      day: '',
      time: '09:00',
      duration: canBook[0] === 'medication_review' ? 20 : 50,
      mode: 'in_person',
      location: '',
      room: '',
      telehealthUrl: '',
      repeat: 'weekly',
      endBy: 'count',
      count: 8,
      until: '',
    }),
    toPayload: (v: ScheduleValues) => bookingOf(id, v),
    fieldOf: { durationMinutes: 'duration', 'recurrence.count': 'count', 'recurrence.untilDay': 'until' },
  });
  const { type, day, time, duration, mode, repeat, endBy } = form.values;

  if (canBook.length === 0) return null;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    book.reset();
    form.submit((body) =>
      book.mutate(body, {
        onSuccess: (result) => {
          setId(newClientId());
          notifications.show({
            color: 'green',
            title: result.appointments.length === 1 ? 'Appointment booked' : 'Series booked',
            message: `${String(result.appointments.length)} appointment${result.appointments.length === 1 ? '' : 's'} booked.`,
          });
        },
        onError: (error) => form.setServerErrors(error),
      }),
    );
  };
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');
  const minutes = requiredNumber(duration);

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
              onChange={(v) => form.setFieldValue('type', v)}
              allowDeselect={false}
            />
          )}
          {canBook.length === 1 && canBook[0] && (
            <Text size="sm">
              <strong>{TYPE_LABELS[canBook[0]]}</strong>
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput label="First day" type="date" required {...form.getInputProps('day')} />
            <TextInput label="Time" type="time" required {...form.getInputProps('time')} />
            <NumberField
              label="Minutes"
              required
              wholeNumber
              min={10}
              max={240}
              step={5}
              {...form.getInputProps<number | string>('duration')}
            />
          </SimpleGrid>
          {Number.isFinite(minutes) && (
            <DaytimeWarning day={day} time={time} minutes={minutes} timeZone={timeZone} />
          )}
          <div>
            <Text size="sm" fw={500} mb={4} id="mode-label">
              How
            </Text>
            <SegmentedControl
              aria-labelledby="mode-label"
              value={mode}
              onChange={(v) => form.setFieldValue('mode', v)}
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
            {...form.getInputProps('location')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="Room" maxLength={100} {...form.getInputProps('room')} />
            <TextInput
              label="Telehealth link"
              description="A full https:// address."
              type="url"
              maxLength={500}
              {...form.getInputProps('telehealthUrl')}
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4} id="repeat-label">
              Repeats
            </Text>
            <SegmentedControl
              aria-labelledby="repeat-label"
              value={repeat}
              onChange={(v) => form.setFieldValue('repeat', v)}
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
                onChange={(v) => form.setFieldValue('endBy', v)}
                data={[
                  { value: 'count', label: 'How many' },
                  { value: 'until', label: 'Until a date' },
                ]}
              />
              {endBy === 'count' ? (
                <NumberField
                  label="Sessions"
                  required
                  wholeNumber
                  min={2}
                  max={MAX_OCCURRENCES}
                  w={120}
                  {...form.getInputProps<number | string>('count')}
                />
              ) : (
                <TextInput label="Last day" type="date" required {...form.getInputProps('until')} />
              )}
            </Group>
          )}
          {book.isError && !fieldsMarked && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(book.error)}
            </Callout>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={book.isPending}>
              {repeat === 'once' ? 'Book appointment' : 'Book series'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
