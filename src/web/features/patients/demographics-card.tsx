import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import type { PatientDetails, PatientOverview } from '../../../shared/patients/api';
import { browserToday, formatDay } from '../../components/format';
import { countryName } from '../../../shared/crisis/countries';
import { errorMessage } from '../../components/query-state';
import { useSchemaForm } from '../../lib/schema-form';
import { getPatient, patientKeys, useUpdatePatientDetails } from './api';
import { currentFrom412 } from './conflict';
import { DetailsFields } from './details-fields';
import {
  DETAIL_LABELS,
  changedFields,
  detailsFormFrom,
  detailsSchema,
  detailsFromForm,
  type DetailsForm,
} from './details-form';

function show(key: keyof PatientDetails, details: PatientDetails): string {
  const value = details[key];
  if (key === 'country')
    return value ? `${countryName(value)} (${value})` : 'Not set (from the time zone, else the clinic)';
  if (value === null || value === '') return 'empty';
  return key === 'birthDate' ? formatDay(value) : value;
}

type Conflict = { fields: (keyof PatientDetails)[]; before: PatientDetails; after: PatientDetails };

function DetailsEditor({ patient, onDone }: { patient: PatientOverview; onDone: () => void }) {
  const queryClient = useQueryClient();
  const update = useUpdatePatientDetails(patient.id);
  const [base, setBase] = useState<PatientOverview>(patient);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const schema = useMemo(() => detailsSchema(browserToday()), []);
  // The shared details schema (the update route takes a part of it); a server refusal, such as an address
  // already in use (issue 13, a 409), lands at its field too.
  const form = useSchemaForm({
    schema,
    initialValues: () => detailsFormFrom(patient),
    toPayload: detailsFromForm,
  });
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

  const onConflict = async (details: unknown) => {
    let current = currentFrom412(details);
    if (current) queryClient.setQueryData(patientKeys.overview(patient.id), current);
    else
      current = await queryClient.query({
        queryKey: patientKeys.overview(patient.id),
        queryFn: () => getPatient(patient.id),
        staleTime: 0,
      });
    if (!current) return;
    const fields = changedFields(base, current);
    setConflict({ fields, before: base, after: current });
    // Keep what this person typed; take the other person's values for fields they left alone.
    const mine = detailsFormFrom(base);
    const theirs = detailsFormFrom(current);
    form.setValues((now) => {
      const next = { ...now };
      for (const key of Object.keys(next) as (keyof DetailsForm)[])
        if (now[key] === mine[key]) next[key] = theirs[key];
      return next;
    });
    setBase(current);
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    update.reset();
    if (!form.validate()) return;
    const wanted = detailsFromForm(form.values);
    const changes: Partial<PatientDetails> = {};
    for (const key of changedFields(base, wanted)) Object.assign(changes, { [key]: wanted[key] });
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { changes, version: base.version },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: 'Details saved',
            message:
              changes.email !== undefined && saved.pendingEmail
                ? `The new email waits for the patient's confirmation: a link went to ${saved.pendingEmail}.`
                : 'The patient record is up to date.',
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, 'precondition_failed')) void onConflict(error.details);
          else form.setServerErrors(error);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" variant="light" role="alert" title="Someone else changed these details">
            <Text size="sm">
              While you were editing, someone else saved a change. The form now holds their values wherever
              you had not typed anything; review it and save again.
            </Text>
            {conflict.fields.length > 0 && (
              <List size="sm" mt="xs">
                {conflict.fields.map((key) => (
                  <List.Item key={key}>
                    {DETAIL_LABELS[key]}: was {show(key, conflict.before)}, now {show(key, conflict.after)}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <DetailsFields field={form.getInputProps} />
        {update.isError && !isApiError(update.error, 'precondition_failed') && (
          <Alert color="red" variant="light" role="alert" title="The details were not saved">
            {fieldsMarked ? 'Check the fields marked above.' : errorMessage(update.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={update.isPending}>
            Save details
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const SHOWN: (keyof PatientDetails)[] = [
  'givenName',
  'familyName',
  'birthDate',
  'email',
  'phone',
  'timeZone',
  'medicalRecordNumber',
  'country',
];

/** The patient's demographics, editable by the care team. */
export function DemographicsCard({ patient }: { patient: PatientOverview }) {
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="details-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="details-heading">
          Details
        </Title>
        {!editing && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        )}
      </Group>
      {editing ? (
        <DetailsEditor patient={patient} onDone={() => setEditing(false)} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
          {SHOWN.map((key) => (
            <div key={key}>
              <Text component="dt" size="xs" c="dimmed" fw={600}>
                {DETAIL_LABELS[key]}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                {show(key, patient) === 'empty' ? '—' : show(key, patient)}
                {key === 'email' && patient.pendingEmail && (
                  <Text component="span" display="block" size="xs">
                    <strong>Pending confirmation:</strong> {patient.pendingEmail}
                  </Text>
                )}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
