import { Alert as Callout, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { recommendationInputSchema } from '../../../shared/registry/case-review';
import { roleLabel } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { useSchemaForm } from '../../lib/schema-form';
import { newClientId } from '../messaging/api';
import { usePatient } from '../patients/api';
import { useRecordRecommendation } from './api';

type RecommendationValues = {
  priority: 'routine' | 'high';
  summary: string;
  details: string;
  assignedTo: string | null;
  /** '' = no due date. */
  dueDate: string;
};
const EMPTY: RecommendationValues = {
  priority: 'routine',
  summary: '',
  details: '',
  assignedTo: null,
  dueDate: '',
};

/**
 * The consultant's recommendation for one patient (issue 15): what, for whom on the care team, by when.
 * It goes to the team's inbox and stays on the patient page and in the assignee's list until closed.
 */
export function RecommendationForm({
  patientId,
  sessionId,
}: {
  patientId: string;
  sessionId: string | null;
}) {
  const patient = usePatient(patientId);
  const record = useRecordRecommendation(patientId);
  const [id, setId] = useState(newClientId);
  // Checked with the route's own schema (recommendationInputSchema) before anything is sent.
  const form = useSchemaForm({
    schema: recommendationInputSchema,
    initialValues: EMPTY,
    toPayload: (values: RecommendationValues) => ({
      id,
      sessionId,
      priority: values.priority,
      summary: values.summary.trim(),
      details: values.details.trim(),
      assignedTo: values.assignedTo,
      dueDate: values.dueDate === '' ? null : values.dueDate,
    }),
  });
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');
  const team = (patient.data?.careTeam ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name} (${roleLabel(m.role)})`,
  }));
  const uniqueTeam = team.filter((t, i) => team.findIndex((o) => o.value === t.value) === i);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    record.reset();
    form.submit((payload) =>
      record.mutate(payload, {
        onSuccess: () => {
          setId(newClientId());
          form.reset(EMPTY);
          notifications.show({
            color: 'green',
            title: 'Recommendation recorded',
            message: "It went to the patient's care team.",
          });
        },
        onError: (error) => form.setServerErrors(error),
      }),
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Record a recommendation">
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} id={`priority-${patientId}`} mb={4}>
            Priority
          </Text>
          <SegmentedControl
            aria-labelledby={`priority-${patientId}`}
            value={form.values.priority}
            onChange={(v) => form.setFieldValue('priority', v === 'high' ? 'high' : 'routine')}
            data={[
              { value: 'routine', label: 'Routine' },
              { value: 'high', label: 'High' },
            ]}
          />
        </div>
        <TextInput label="Recommendation" required {...form.getInputProps('summary')} maxLength={500} />
        <Textarea label="Details" autosize minRows={2} {...form.getInputProps('details')} maxLength={5000} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label="For"
            placeholder="The whole care team"
            data={uniqueTeam}
            {...form.getInputProps<string | null>('assignedTo')}
            clearable
            style={{ flex: '1 1 220px' }}
          />
          <TextInput type="date" label="Due" {...form.getInputProps('dueDate')} maw={200} />
        </Group>
        {record.isError && !fieldsMarked && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(record.error)}
          </Callout>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Send to the care team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
