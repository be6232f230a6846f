import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { countries } from '../../../shared/crisis/countries';
import { TimeZoneSelect } from '../../components/time-zone-select';
import type { InputProps } from '../../lib/schema-form';
import type { DetailsForm } from './details-form';

type Props = {
  /** The form's props for one field (`useSchemaForm`'s getInputProps): value, onChange, onBlur, error. */
  field: (key: keyof DetailsForm) => InputProps;
};

/** The demographic fields of a patient, shared by enrolment and editing. */
export function DetailsFields({ field }: Props) {
  const timeZone = field('timeZone');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput label="Given name" required {...field('givenName')} autoComplete="off" />
      <TextInput label="Family name" required {...field('familyName')} autoComplete="off" />
      <TextInput label="Date of birth" type="date" required {...field('birthDate')} />
      <TextInput
        label="Email"
        description="The patient's invitation goes here"
        type="email"
        required
        {...field('email')}
        autoComplete="off"
      />
      <TextInput label="Phone" type="tel" {...field('phone')} autoComplete="off" />
      <TextInput
        label="Medical record number (MRN)"
        description="Optional"
        {...field('medicalRecordNumber')}
        autoComplete="off"
      />
      <TimeZoneSelect value={timeZone.value} onChange={timeZone.onChange} error={timeZone.error} />
      <NativeSelect
        label="Country of residence"
        description="Chooses the crisis and emergency numbers the patient is shown"
        {...field('country')}
        data={[
          { value: '', label: "Not set: from the time zone, else the clinic's country" },
          ...countries.map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
        ]}
      />
    </SimpleGrid>
  );
}
