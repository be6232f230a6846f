import { Alert as Callout, Button, Group, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { Instrument, NewMeasureResponse, SubmitMeasureAnswer } from '../../../shared/measures/api';
import { errorMessage } from '../../components/query-state';
import { isApiError } from '../../app/api-client';
import { dateTimeInputValue, instantOfDateTimeInput } from '../../components/format';
import { newClientId } from '../messaging/api';
import { useSubmitMeasure } from './api';

/** The server's message for one field (`body.answeredAt`…), so the error shows at that field. */
function fieldError(error: unknown, path: string): string | undefined {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return undefined;
  for (const d of error.details as unknown[]) {
    const item = d as { path?: unknown; message?: unknown };
    if (item.path === path && typeof item.message === 'string') return item.message;
  }
  return undefined;
}

function AnswersForm({
  instrument,
  patientId,
  onSaved,
}: {
  instrument: Instrument;
  patientId: string;
  onSaved: (answer: SubmitMeasureAnswer) => void;
}) {
  const submit = useSubmitMeasure(patientId);
  const [id, setId] = useState(newClientId);
  const [answers, setAnswers] = useState<(number | null)[]>(() => instrument.items.map(() => null));
  const [functional, setFunctional] = useState<number | null>(null);
  const [answeredAt, setAnsweredAt] = useState(() => dateTimeInputValue(Date.now()));
  const [backdateReason, setBackdateReason] = useState('');
  // Issue 12: an answer dated on an earlier day needs a reason (the clinic limits how far back, default 14 days).
  const backdated =
    answeredAt !== '' && answeredAt.slice(0, 10) < dateTimeInputValue(Date.now()).slice(0, 10);
  const dateError = fieldError(submit.error, 'body.answeredAt');
  const reasonError = fieldError(submit.error, 'body.backdateReason');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const at = instantOfDateTimeInput(answeredAt);
    submit.mutate(
      {
        id,
        instrument: instrument.id as NewMeasureResponse['instrument'],
        answers: { items: answers, functional },
        // Sent as entered: a future or impossible date is refused by the server at this field, never clamped.
        ...(Number.isNaN(at) ? {} : { answeredAt: at }),
        ...(backdated || backdateReason.trim() !== '' ? { backdateReason } : {}),
      },
      {
        onSuccess: (answer) => {
          onSaved(answer);
          setBackdateReason('');
          setId(newClientId());
          setAnswers(instrument.items.map(() => null));
          setFunctional(null);
          notifications.show({
            color: 'green',
            title: `${instrument.name} recorded`,
            message:
              answer.response.total !== null
                ? `Total ${String(answer.response.total)}${answer.response.severity ? ` (${answer.response.severity.label})` : ''}.`
                : (answer.response.incompleteReason ?? 'No total.'),
          });
        },
      },
    );
  };

  const radioRow = (
    key: string,
    label: string,
    options: Instrument['options'],
    value: number | null,
    onChange: (v: number) => void,
  ) => (
    <Radio.Group
      key={key}
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(Number(v))}
    >
      <Group gap="md" mt={4}>
        {options.map((o) => (
          <Radio key={o.value} value={String(o.value)} label={`${o.label} (${String(o.value)})`} />
        ))}
      </Group>
    </Radio.Group>
  );

  const missing = answers.filter((a) => a === null).length;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${instrument.name} answers given in session`}>
      <Stack gap="sm">
        <TextInput
          type="datetime-local"
          label="Answered at"
          value={answeredAt}
          onChange={(e) => setAnsweredAt(e.currentTarget.value)}
          maw={260}
          error={dateError}
          description="Dated in the past only within the clinic's limit (default 14 days)."
        />
        {(backdated || reasonError !== undefined) && (
          <TextInput
            label="Why is this answer dated in the past?"
            required
            value={backdateReason}
            onChange={(e) => setBackdateReason(e.currentTarget.value)}
            maxLength={500}
            error={reasonError}
            placeholder="e.g. Paper form from last week's session"
          />
        )}
        <Text size="sm" fw={600}>
          {instrument.stem}
        </Text>
        {instrument.items.map((item, index) =>
          radioRow(
            item.linkId,
            `${String(index + 1)}. ${item.text}`,
            instrument.options,
            answers[index] ?? null,
            (v) => setAnswers((prev) => prev.map((a, i) => (i === index ? v : a))),
          ),
        )}
        {instrument.functionalItem &&
          radioRow(
            'functional',
            instrument.functionalItem.text,
            instrument.functionalItem.options,
            functional,
            setFunctional,
          )}
        {submit.isError && !dateError && !reasonError && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(submit.error)}
          </Callout>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {missing > 0 ? `${String(missing)} not answered: no total without every item.` : 'All answered.'}
          </Text>
          <Button type="submit" loading={submit.isPending}>
            Record {instrument.name}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {instrument.attribution}
        </Text>
      </Stack>
    </form>
  );
}

/** "Record answers given in session": the clinician enters the patient's answers, marked as in session. */
export function InSessionForm({ instruments, patientId }: { instruments: Instrument[]; patientId: string }) {
  const [chosen, setChosen] = useState(instruments[0]?.id ?? '');
  const [last, setLast] = useState<SubmitMeasureAnswer | null>(null);
  const instrument = instruments.find((i) => i.id === chosen);
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} id="in-session-instrument" mb={4}>
          Questionnaire
        </Text>
        <SegmentedControl
          aria-labelledby="in-session-instrument"
          value={chosen}
          onChange={(v) => {
            setChosen(v);
            setLast(null);
          }}
          data={instruments.map((i) => ({ value: i.id, label: i.name }))}
        />
      </div>
      {last?.crisis && (
        <Callout color="red" variant="filled" role="alert" title="Item 9 answered above 0">
          An urgent alert went to the whole care team. Assess risk with the patient now and record the risk
          assessment below.
        </Callout>
      )}
      {instrument && (
        <AnswersForm key={instrument.id} instrument={instrument} patientId={patientId} onSaved={setLast} />
      )}
    </Stack>
  );
}
