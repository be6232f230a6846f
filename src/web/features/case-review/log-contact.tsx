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
import {
  contactInputSchema,
  contactLimits,
  contactModes,
  type ContactMode,
} from '../../../shared/care-contacts/api';
import { dateTimeInputValue, instantOfDateTimeInput } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { useSchemaForm } from '../../lib/schema-form';
import { newClientId } from '../messaging/api';
import { useLogContact } from './api';

export const modeLabels: Record<ContactMode, string> = {
  phone: 'Phone',
  video: 'Video',
  message: 'Message',
  in_person: 'In person',
};

const { minMinutes, maxMinutes, noteMax } = contactLimits;

type ContactFormValues = {
  mode: ContactMode;
  reached: boolean;
  /** As the number field holds it: '' while empty. */
  minutes: number | string;
  note: string;
  /** The datetime-local field's text. */
  when: string;
};

/** The contact form: everything has a usable default, so "Log contact" then "Save contact" is enough. */
function ContactForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const log = useLogContact(patientId);
  const [id] = useState(newClientId);
  // Checked with the route's own schema (contactInputSchema); its messages name the range.
  const form = useSchemaForm({
    schema: contactInputSchema,
    initialValues: (): ContactFormValues => ({
      mode: 'phone',
      reached: true,
      minutes: 15,
      note: '',
      when: dateTimeInputValue(Date.now()),
    }),
    toPayload: (values: ContactFormValues) => ({
      id,
      mode: values.mode,
      reached: values.reached,
      minutes: values.minutes === '' ? Number.NaN : Number(values.minutes),
      note: values.note.trim(),
      contactedAt: instantOfDateTimeInput(values.when),
    }),
    fieldOf: { contactedAt: 'when' },
  });
  const { mode, reached, note } = form.values;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    log.reset();
    form.submit((payload) =>
      log.mutate(payload, {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Contact logged',
            message: `${String(payload.minutes)} minutes.`,
          });
          onDone();
        },
        onError: (error) => form.setServerErrors(error),
      }),
    );
  };
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

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
            onChange={(v) => form.setFieldValue('mode', contactModes.find((m) => m === v) ?? 'phone')}
            data={contactModes.map((m) => ({ value: m, label: modeLabels[m] }))}
            fullWidth
          />
        </div>
        <Checkbox
          label="Reached the patient"
          checked={reached}
          onChange={(e) => form.setFieldValue('reached', e.currentTarget.checked)}
        />
        <NumberInput
          label="Minutes"
          description={`${String(minMinutes)} to ${String(maxMinutes)}`}
          required
          {...form.getInputProps<number | string>('minutes')}
          allowDecimal={false}
          clampBehavior="none"
          min={minMinutes}
          max={maxMinutes}
          maw={200}
        />
        <TextInput type="datetime-local" label="When" required {...form.getInputProps('when')} maw={260} />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          {...form.getInputProps('note')}
          description={`${String(note.length)} / ${String(noteMax)} characters`}
        />
        {log.isError && !fieldsMarked && (
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
