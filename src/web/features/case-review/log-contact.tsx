import {
  Alert as Callout,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoneCall } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { contactLimits, contactModes, type ContactMode } from '../../../shared/care-contacts/api';
import { dateTimeInputValue, instantOfDateTimeInput } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { newClientId } from '../messaging/api';
import { useLogContact } from './api';

export const modeLabels: Record<ContactMode, string> = {
  phone: 'Phone',
  video: 'Video',
  message: 'Message',
  in_person: 'In person',
};

const { minMinutes, maxMinutes, noteMax } = contactLimits;
const minutesProblem = (v: number | string): string | null =>
  typeof v !== 'number' || !Number.isInteger(v) || v < minMinutes || v > maxMinutes
    ? `Minutes must be a whole number from ${String(minMinutes)} to ${String(maxMinutes)}.`
    : null;

/** The contact form: everything has a usable default, so "Log contact" then "Save contact" is enough. */
function ContactForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const log = useLogContact(patientId);
  const [id] = useState(newClientId);
  const [mode, setMode] = useState<ContactMode>('phone');
  const [reached, setReached] = useState(true);
  const [minutes, setMinutes] = useState<number | string>(15);
  const [note, setNote] = useState('');
  const [when, setWhen] = useState(() => dateTimeInputValue(Date.now()));
  const [showErrors, setShowErrors] = useState(false);
  const server = fieldErrorsFrom(log.error);
  const minutesError = (showErrors ? minutesProblem(minutes) : null) ?? server.minutes;
  const noteError =
    note.length > noteMax ? `The note can be at most ${String(noteMax)} characters.` : server.note;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (minutesProblem(minutes) !== null || note.length > noteMax || when === '') return;
    log.mutate(
      {
        id,
        mode,
        reached,
        minutes: Number(minutes),
        note: note.trim(),
        contactedAt: instantOfDateTimeInput(when),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Contact logged',
            message: `${String(minutes)} minutes.`,
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Log a contact">
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} id={`contact-mode-${patientId}`} mb={4}>
            How
          </Text>
          <SegmentedControl
            aria-labelledby={`contact-mode-${patientId}`}
            value={mode}
            onChange={(v) => setMode(contactModes.find((m) => m === v) ?? 'phone')}
            data={contactModes.map((m) => ({ value: m, label: modeLabels[m] }))}
            fullWidth
          />
        </div>
        <Checkbox
          label="Reached the patient"
          checked={reached}
          onChange={(e) => setReached(e.currentTarget.checked)}
        />
        <NumberInput
          label="Minutes"
          description={`${String(minMinutes)} to ${String(maxMinutes)}`}
          required
          value={minutes}
          onChange={setMinutes}
          allowDecimal={false}
          clampBehavior="none"
          min={minMinutes}
          max={maxMinutes}
          error={minutesError}
          maw={200}
        />
        <TextInput
          type="datetime-local"
          label="When"
          required
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          error={server.contactedAt ?? (showErrors && when === '' ? 'Say when the contact was.' : undefined)}
          maw={260}
        />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          description={`${String(note.length)} / ${String(noteMax)} characters`}
          error={noteError}
        />
        {log.isError && Object.keys(server).length === 0 && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(log.error)}
          </Callout>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending}>
            Save contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Log contact" for the patient page and the worklist: opens the contact form in a dialog. */
export function LogContactButton({
  patientId,
  patientName,
  size = 'xs',
}: {
  patientId: string;
  patientName: string;
  size?: 'xs' | 'sm';
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={size}
        variant="light"
        leftSection={<IconPhoneCall size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={`Log contact with ${patientName}`}
      >
        Log contact
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Contact with ${patientName}`}>
        {open && <ContactForm patientId={patientId} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
