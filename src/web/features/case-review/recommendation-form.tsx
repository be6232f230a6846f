import { Alert as Callout, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { roleLabel } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { newClientId } from '../messaging/api';
import { usePatient } from '../patients/api';
import { useRecordRecommendation } from './api';

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
  const [priority, setPriority] = useState<'routine' | 'high'>('routine');
  const [summary, setSummary] = useState('');
  const [details, setDetails] = useState('');
  const [assignedTo, setAssignedTo] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const server = fieldErrorsFrom(record.error);
  const team = (patient.data?.careTeam ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name} (${roleLabel(m.role)})`,
  }));
  const uniqueTeam = team.filter((t, i) => team.findIndex((o) => o.value === t.value) === i);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (summary.trim() === '' || summary.length > 500 || details.length > 5000) return;
    record.mutate(
      {
        id,
        sessionId,
        priority,
        summary: summary.trim(),
        details: details.trim(),
        assignedTo,
        dueDate: dueDate === '' ? null : dueDate,
      },
      {
        onSuccess: () => {
          setId(newClientId());
          setSummary('');
          setDetails('');
          setAssignedTo(null);
          setDueDate('');
          setShowErrors(false);
          notifications.show({
            color: 'green',
            title: 'Recommendation recorded',
            message: "It went to the patient's care team.",
          });
        },
      },
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
            value={priority}
            onChange={(v) => setPriority(v === 'high' ? 'high' : 'routine')}
            data={[
              { value: 'routine', label: 'Routine' },
              { value: 'high', label: 'High' },
            ]}
          />
        </div>
        <TextInput
          label="Recommendation"
          required
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          maxLength={500}
          error={
            server.summary ?? (showErrors && summary.trim() === '' ? 'Write the recommendation.' : undefined)
          }
        />
        <Textarea
          label="Details"
          autosize
          minRows={2}
          value={details}
          onChange={(e) => setDetails(e.currentTarget.value)}
          maxLength={5000}
          error={server.details}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label="For"
            placeholder="The whole care team"
            data={uniqueTeam}
            value={assignedTo}
            onChange={setAssignedTo}
            clearable
            error={server.assignedTo}
            style={{ flex: '1 1 220px' }}
          />
          <TextInput
            type="date"
            label="Due"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={server.dueDate}
            maw={200}
          />
        </Group>
        {record.isError && Object.keys(server).length === 0 && (
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
