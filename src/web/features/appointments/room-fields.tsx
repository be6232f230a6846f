import { Alert as Callout, SimpleGrid, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isHttpsUrl, outsidePatientDaytime, PATIENT_DAYTIME } from '../../../shared/schedule/api';
import { instantAt } from '../../../shared/time/index';
import { formatClock } from '../../lib/format-time';

/** Room and telehealth link of an appointment (issue 15); the link must be a full https address. */
export function RoomFields({
  room,
  onRoom,
  telehealthUrl,
  onTelehealthUrl,
}: {
  room: string;
  onRoom: (v: string) => void;
  telehealthUrl: string;
  onTelehealthUrl: (v: string) => void;
}) {
  const link = telehealthUrl.trim();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput label="Room" maxLength={100} value={room} onChange={(e) => onRoom(e.currentTarget.value)} />
      <TextInput
        label="Telehealth link"
        description="A full https:// address."
        type="url"
        maxLength={500}
        value={telehealthUrl}
        onChange={(e) => onTelehealthUrl(e.currentTarget.value)}
        error={
          link !== '' && !isHttpsUrl(link)
            ? 'Enter a full https:// link (for example https://meet.example.com/room).'
            : undefined
        }
      />
    </SimpleGrid>
  );
}

/**
 * Warns (does not block) when the appointment starts before 07:00 or ends after 22:00 on the patient's
 * clock (shared/schedule/daytime.ts). Day and time are in the patient's zone.
 */
export function DaytimeWarning({
  day,
  time,
  minutes,
  timeZone,
}: {
  day: string;
  time: string;
  minutes: number;
  timeZone: string;
}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const start = instantAt(day, time, timeZone);
  const check = outsidePatientDaytime(start, start + minutes * 60_000, timeZone);
  if (!check.outside) return null;
  // Times in the viewer's locale (12 or 24 hours), on the patient's clock.
  const clock = (t: string) => formatClock(instantAt(day, t, timeZone), timeZone);
  return (
    <Callout color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="status">
      This is outside the patient&apos;s daytime ({formatClock(start, timeZone)}–
      {formatClock(start + minutes * 60_000, timeZone)} their time; daytime is {clock(PATIENT_DAYTIME.from)}–
      {clock(PATIENT_DAYTIME.until)}). You can still book it.
    </Callout>
  );
}
