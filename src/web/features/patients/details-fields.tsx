import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { countries } from '../../../shared/crisis/countries';
import type { ChangeEvent } from 'react';
import { TimeZoneSelect } from '../../components/time-zone-select';
import type { DetailsErrors, DetailsForm } from './details-form';

type Props = {
  value: DetailsForm;
  onChange: (next: DetailsForm) => void;
  errors: DetailsErrors;
};

/** The demographic fields of a patient, shared by enrolment and editing. */
export function DetailsFields({ value, onChange, errors }: Props) {
  const set = (key: keyof DetailsForm) => (event: ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [key]: event.currentTarget.value });

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput
        label="Given name"
        required
        value={value.givenName}
        onChange={set('givenName')}
        error={errors.givenName}
        autoComplete="off"
      />
      <TextInput
        label="Family name"
        required
        value={value.familyName}
        onChange={set('familyName')}
        error={errors.familyName}
        autoComplete="off"
      />
      <TextInput
        label="Date of birth"
        type="date"
        required
        value={value.birthDate}
        onChange={set('birthDate')}
        error={errors.birthDate}
      />
      <TextInput
        label="Email"
        description="The patient's invitation goes here"
        type="email"
        required
        value={value.email}
        onChange={set('email')}
        error={errors.email}
        autoComplete="off"
      />
      <TextInput
        label="Phone"
        type="tel"
        value={value.phone}
        onChange={set('phone')}
        error={errors.phone}
        autoComplete="off"
      />
      <TextInput
        label="Medical record number (MRN)"
        description="Optional"
        value={value.medicalRecordNumber}
        onChange={set('medicalRecordNumber')}
        error={errors.medicalRecordNumber}
        autoComplete="off"
      />
      <TimeZoneSelect
        value={value.timeZone}
        onChange={(timeZone) => onChange({ ...value, timeZone })}
        error={errors.timeZone}
      />
      <NativeSelect
        label="Country of residence"
        description="Chooses the crisis and emergency numbers the patient is shown"
        value={value.country}
        onChange={(event) => onChange({ ...value, country: event.currentTarget.value })}
        error={errors.country}
        data={[
          { value: '', label: "Not set: from the time zone, else the clinic's country" },
          ...countries.map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
        ]}
      />
    </SimpleGrid>
  );
}
