import { Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { escalationDefaults, type OutOfHoursEscalation } from '../../../shared/alerts/escalation-settings';
import type { StaffUser } from '../../../shared/accounts/api';
import type { ClinicSettings } from '../../../shared/clinic/api';
import { roleLabel } from '../../components/format';
import type { FieldProps } from './threshold-fields';

/** Who urgent alerts escalate to and when the clinic is open (issue 12), as the settings form edits them. */
export interface EscalationValues {
  clinicalLeadUserId: string;
  clinicTimeZone: string;
  clinicOpenDays: string[];
  clinicOpensAt: string;
  clinicClosesAt: string;
  outOfHoursEscalation: OutOfHoursEscalation;
}

export function initialEscalation(s: ClinicSettings): EscalationValues {
  const d = escalationDefaults;
  return {
    clinicalLeadUserId: s.clinicalLeadUserId ?? '',
    clinicTimeZone: s.clinicTimeZone ?? d.clinicTimeZone,
    clinicOpenDays: (s.clinicOpenDays ?? d.clinicOpenDays).map(String),
    clinicOpensAt: s.clinicOpensAt ?? d.clinicOpensAt,
    clinicClosesAt: s.clinicClosesAt ?? d.clinicClosesAt,
    outOfHoursEscalation: s.outOfHoursEscalation ?? d.outOfHoursEscalation,
  };
}

/** What the schema alone cannot see (the server checks the same): the clinic closes after it opens. */
export function escalationErrors(v: EscalationValues): Partial<Record<keyof EscalationValues, string>> {
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  return time.test(v.clinicOpensAt) && time.test(v.clinicClosesAt) && v.clinicClosesAt <= v.clinicOpensAt
    ? { clinicClosesAt: 'The clinic must close after it opens.' }
    : {};
}

export function escalationPayload(v: EscalationValues) {
  return {
    clinicalLeadUserId: v.clinicalLeadUserId || null,
    clinicTimeZone: v.clinicTimeZone.trim(),
    clinicOpenDays: v.clinicOpenDays.map(Number).sort((a, b) => a - b),
    clinicOpensAt: v.clinicOpensAt,
    clinicClosesAt: v.clinicClosesAt,
    outOfHoursEscalation: v.outOfHoursEscalation,
  };
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function EscalationFields({ field, clinicians }: { field: FieldProps; clinicians: StaffUser[] }) {
  return (
    <Fieldset legend="Urgent alert escalation and clinic hours" radius="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          An urgent alert not resolved in time goes to the next person who is not on it yet: the care manager
          (in clinic hours), the on-call clinician, then the clinical lead. The time counts in clinic hours.
        </Text>
        <NativeSelect
          label="Clinical lead"
          description="Receives an urgent alert after the on-call clinician, or instead of them when they are already on it."
          {...field('clinicalLeadUserId')}
          data={[
            { value: '', label: 'No clinical lead' },
            ...clinicians.map((u) => ({ value: u.id, label: `${u.name} (${roleLabel(u.role)})` })),
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Clinic time zone"
            description="IANA name, e.g. Europe/Berlin"
            {...field('clinicTimeZone')}
            maxLength={64}
            required
          />
          <TextInput type="time" label="Opens at" {...field('clinicOpensAt')} required />
          <TextInput type="time" label="Closes at" {...field('clinicClosesAt')} required />
        </SimpleGrid>
        <Checkbox.Group label="Open days" {...field<string[]>('clinicOpenDays')}>
          <Group gap="md" mt={6}>
            {DAYS.map((d, i) => (
              <Checkbox key={d} value={String(i + 1)} label={d} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label="While the clinic is closed"
          {...field('outOfHoursEscalation')}
          data={[
            { value: 'on_call_now', label: 'Send urgent alerts straight to the on-call clinician' },
            { value: 'wait_for_clinic_hours', label: 'Wait for opening hours' },
          ]}
        />
      </Stack>
    </Fieldset>
  );
}
