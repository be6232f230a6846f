import {
  Alert as Callout,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { Alert } from '../../../shared/alerts/api';
import type { ContactMethod, RiskAction, RiskOutcome } from '../../../shared/measures/api';
import { dateTimeInputValue, formatDateTime, instantOfDateTimeInput } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { ShowingLatest } from '../../components/showing-latest';
import { useRiskAssessments } from './api';
import { useRecordAlertAssessment } from '../inbox/api';
import { CONTACT_METHOD_LABELS, RISK_ACTION_LABELS, RISK_OUTCOME_LABELS } from './measure-words';

/** The alert type the self-harm rule raises; its risk assessment resolves it. */
export const SELF_HARM_ALERT = 'self_harm_answer';

const entries = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/**
 * When and how the patient was contacted, the outcome and the actions taken, recorded through the alert:
 * reached (or an emergency hand-off) resolves it; not reached keeps it open with a follow-up.
 */
export function RiskAssessmentForm({
  alert,
  onDone,
}: {
  /** The alert's patient (kept for callers; the alert names it). */
  patientId: string;
  alert: Alert;
  onDone?: () => void;
}) {
  const record = useRecordAlertAssessment(alert);
  const [id] = useState(newClientId);
  const [contactedAt, setContactedAt] = useState(() => dateTimeInputValue(Date.now()));
  const [method, setMethod] = useState<ContactMethod | ''>('');
  const [outcome, setOutcome] = useState<RiskOutcome | ''>('');
  const [actions, setActions] = useState<RiskAction[]>([]);
  const [actionsOther, setActionsOther] = useState('');
  const [notes, setNotes] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const when = instantOfDateTimeInput(contactedAt);
  const problems = {
    contactedAt: Number.isNaN(when) ? 'Say when you contacted the patient.' : undefined,
    method: method === '' ? 'Choose how.' : undefined,
    outcome: outcome === '' ? 'Choose the outcome.' : undefined,
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (method === '' || outcome === '' || Number.isNaN(when)) return;
    record.mutate(
      {
        id,
        contactedAt: when,
        method,
        outcome,
        actions,
        actionsOther: actionsOther.trim() === '' ? null : actionsOther.trim(),
        notes: notes.trim(),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: 'Risk assessment recorded',
            message:
              (saved.alertsResolved ?? 0) > 0
                ? 'The self-harm alert is resolved for the whole team.'
                : 'The patient was not reached: the alert stays open with a follow-up due.',
          });
          onDone?.();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Risk assessment">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label="Contacted at"
            required
            value={contactedAt}
            onChange={(e) => setContactedAt(e.currentTarget.value)}
            error={showErrors ? problems.contactedAt : undefined}
          />
          <NativeSelect
            label="How"
            required
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as ContactMethod | '')}
            data={[{ value: '', label: 'Choose…' }, ...entries(CONTACT_METHOD_LABELS)]}
            error={showErrors ? problems.method : undefined}
          />
          <NativeSelect
            label="Outcome"
            description="Not reached keeps the alert open with a follow-up."
            required
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as RiskOutcome | '')}
            data={[{ value: '', label: 'Choose…' }, ...entries(RISK_OUTCOME_LABELS)]}
            error={showErrors ? problems.outcome : undefined}
          />
        </SimpleGrid>
        <Checkbox.Group label="Actions taken" value={actions} onChange={(value) => setActions(value)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
            {entries(RISK_ACTION_LABELS).map((a) => (
              <Checkbox key={a.value} value={a.value} label={a.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          label="Other actions"
          value={actionsOther}
          onChange={(e) => setActionsOther(e.currentTarget.value)}
          maxLength={1000}
        />
        <Textarea
          label="Notes"
          description="What the patient said, your assessment and the plan."
          autosize
          minRows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        {record.isError && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(record.error)}
          </Callout>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Record risk assessment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A button that opens the risk-assessment form for one self-harm alert (inbox card, patient page). */
export function RiskAssessmentButton({ alert, size = 'sm' }: { alert: Alert; size?: 'xs' | 'sm' }) {
  const [open, setOpen] = useState(false);
  if (alert.type !== SELF_HARM_ALERT || alert.state === 'resolved') return null;
  return (
    <>
      <Button size={size} color="red.8" onClick={() => setOpen(true)}>
        Record risk assessment
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`Risk assessment: ${alert.patientName}`}
        size="lg"
        centered
      >
        <Stack gap="sm">
          <Text size="sm">
            {alert.title}. When you reached the patient (or handed over to emergency services), recording the
            assessment resolves this alert for everyone it went to. If you could not reach them, record that:
            the alert stays open with a follow-up due and keeps escalating.
          </Text>
          <RiskAssessmentForm patientId={alert.patientId} alert={alert} onDone={() => setOpen(false)} />
        </Stack>
      </Modal>
    </>
  );
}

/** Every risk assessment recorded for the patient, newest first. */
export function RiskAssessmentHistory({ patientId }: { patientId: string }) {
  const history = useRiskAssessments(patientId);
  const sorted = [...(history.data?.assessments ?? [])].sort((a, b) => b.contactedAt - a.contactedAt);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="risk-history-heading">
      <Title order={2} size="h4" id="risk-history-heading" mb="sm">
        Risk assessments
      </Title>
      {history.isPending && <LoadingState label="Loading risk assessments…" />}
      {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.assessments.length === 0 && (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sorted.map((a) => (
          <Paper component="li" key={a.id} withBorder radius="sm" p="sm">
            <Text size="sm" fw={700}>
              {RISK_OUTCOME_LABELS[a.outcome]}
            </Text>
            <Text size="xs" c="dimmed">
              {CONTACT_METHOD_LABELS[a.method]} · {formatDateTime(a.contactedAt)} · recorded by{' '}
              {a.recordedBy.name}
            </Text>
            {(a.actions.length > 0 || a.actionsOther) && (
              <Text size="sm">
                Actions:{' '}
                {[...a.actions.map((x) => RISK_ACTION_LABELS[x]), a.actionsOther ?? '']
                  .filter(Boolean)
                  .join('; ')}
              </Text>
            )}
            {a.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.notes}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
      <ShowingLatest shown={sorted.length} hasMore={history.data?.hasMore === true} what="assessments" />
    </Paper>
  );
}
