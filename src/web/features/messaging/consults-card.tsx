import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { CONSULT_QUESTION_MAX_CHARS } from '../../../shared/messaging/schemas';
import type { ConsultPriority } from '../../../shared/messaging/api';
import type { PatientOverview } from '../../../shared/patients/api';
import { useCurrentUser } from '../../app/session';
import { roleLabel } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId, usePatientConsults, useRequestConsult } from './api';
import { ShowingLatest } from '../../components/showing-latest';
import { ConsultItem, PRIORITY_LABELS } from './consult-item';

function NewConsultForm({ patient, onDone }: { patient: PatientOverview; onDone: () => void }) {
  const user = useCurrentUser();
  const request = useRequestConsult(patient.id);
  const teammates = patient.careTeam.filter((m) => m.userId !== user.id);
  const [id] = useState(newClientId);
  const [to, setTo] = useState(teammates[0]?.userId ?? '');
  const [priority, setPriority] = useState<ConsultPriority>('routine');
  const [question, setQuestion] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  if (teammates.length === 0) {
    return <Text size="sm">There is nobody else on this care team to ask yet.</Text>;
  }

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (!to || question.trim() === '') return;
    request.mutate(
      { id, toUserId: to, priority, question: question.trim() },
      {
        onSuccess: (consult) => {
          notifications.show({
            color: 'green',
            title: 'Consult request sent',
            message: `${consult.to.name} sees it in their inbox.`,
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New consult request">
      <Stack gap="sm">
        <NativeSelect
          label="Ask"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data={teammates.map((m) => ({ value: m.userId, label: `${m.name} (${roleLabel(m.role)})` }))}
        />
        <div>
          <Text size="sm" fw={500} id="consult-priority-label" mb={4}>
            Priority
          </Text>
          <SegmentedControl
            aria-labelledby="consult-priority-label"
            value={priority}
            onChange={(value) => setPriority(value)}
            data={(['routine', 'high', 'urgent'] as const).map((p) => ({
              value: p,
              label: PRIORITY_LABELS[p],
            }))}
          />
        </div>
        <Textarea
          label="Question"
          description='For example: "Reports sexual side effects, thinking of stopping. Switch or lower the dose?"'
          required
          autosize
          minRows={3}
          maxLength={CONSULT_QUESTION_MAX_CHARS}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={showErrors && question.trim() === '' ? 'Write your question.' : undefined}
        />
        {request.isError && (
          <Alert color="red" variant="light" role="alert" title="Not sent">
            {errorMessage(request.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={request.isPending}>
            Send request
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Consult requests about this patient between members of the care team; open ones first. */
export function ConsultsCard({ patient }: { patient: PatientOverview }) {
  const consults = usePatientConsults(patient.id);
  const [asking, setAsking] = useState(false);
  const sorted = [...(consults.data?.consults ?? [])].sort(
    (a, b) => (a.state === 'open' ? 0 : 1) - (b.state === 'open' ? 0 : 1) || b.createdAt - a.createdAt,
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="consults-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="consults-heading">
          Consult requests
        </Title>
        {!asking && (
          <Button size="xs" variant="light" onClick={() => setAsking(true)}>
            New consult request
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {asking && <NewConsultForm key="new" patient={patient} onDone={() => setAsking(false)} />}
        {consults.isPending && <LoadingState label="Loading consults…" />}
        {consults.isError && <ErrorState error={consults.error} onRetry={() => void consults.refetch()} />}
        {consults.data?.consults.length === 0 && !asking && (
          <Text size="sm" c="dimmed">
            No consult requests yet.
          </Text>
        )}
        {sorted.length > 0 && (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sorted.map((consult) => (
              <ConsultItem key={consult.id} consult={consult} />
            ))}
          </Stack>
        )}
        <ShowingLatest
          shown={sorted.length}
          hasMore={consults.data?.hasMore === true}
          what="consult requests"
        />
      </Stack>
    </Paper>
  );
}
