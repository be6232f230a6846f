import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { reviewDecisions } from '../../../shared/treatment-plans/api-schemas';
import type { PatientOverview } from '../../../shared/patients/api';
import type { PlanVersion } from '../../../shared/treatment-plans/api';
import { dayOf, formatDay } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { ShowingLatest } from '../../components/showing-latest';
import { usePlanReviews, useRecordReview } from './api';
import { DECISION_LABELS, PROGRESS_LABELS } from './plan-words';

type Progress = keyof typeof PROGRESS_LABELS;
type Decision = (typeof reviewDecisions)[number];

function ReviewForm({
  patient,
  agreed,
  onDone,
}: {
  patient: PatientOverview;
  agreed: PlanVersion;
  onDone: () => void;
}) {
  const record = useRecordReview(patient.id);
  const [heldOn, setHeldOn] = useState(() => dayOf(Date.now(), patient.timeZone).key);
  const [participants, setParticipants] = useState(() => patient.careTeam.map((m) => m.userId));
  const [patientTookPart, setPatientTookPart] = useState(true);
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [decision, setDecision] = useState<Decision>('continue');
  const [notes, setNotes] = useState('');

  const submit = () =>
    record.mutate(
      {
        heldOn,
        participantUserIds: participants,
        patientTookPart,
        goalProgress: agreed.content.goals.map((g) => ({
          goalId: g.id,
          progress: progress[g.id] ?? 'some_progress',
          note: '',
        })),
        decision,
        notes,
        nextReviewDate: null,
      },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            title: 'Review recorded',
            message: result.nextDraft
              ? `Draft version ${String(result.nextDraft.number)} started.`
              : 'The plan continues.',
          });
          onDone();
        },
      },
    );

  return (
    <Stack gap="sm">
      <TextInput
        type="date"
        label="Held on"
        value={heldOn}
        onChange={(e) => setHeldOn(e.currentTarget.value)}
        maw={220}
      />
      <Checkbox.Group label="Who took part" value={participants} onChange={setParticipants}>
        <Group gap="md" mt={4}>
          {patient.careTeam.map((m) => (
            <Checkbox key={m.userId} value={m.userId} label={m.name} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox
        label="The patient took part"
        checked={patientTookPart}
        onChange={(e) => setPatientTookPart(e.currentTarget.checked)}
      />
      {agreed.content.goals.map((g) => (
        <NativeSelect
          key={g.id}
          label={`Progress: “${g.inPatientsWords}”`}
          value={progress[g.id] ?? 'some_progress'}
          onChange={(e) => {
            const value = e.currentTarget.value as Progress;
            setProgress((p) => ({ ...p, [g.id]: value }));
          }}
          data={Object.entries(PROGRESS_LABELS).map(([value, label]) => ({ value, label }))}
        />
      ))}
      <NativeSelect
        label="Decision"
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value as Decision)}
        data={reviewDecisions.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
        description="Anything but continue starts a new draft version."
      />
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {record.isError && (
        <Alert color="red" variant="light" role="alert" title="Not recorded">
          {errorMessage(record.error)}
        </Alert>
      )}
      <Group gap="sm">
        <Button onClick={submit} loading={record.isPending}>
          Record review
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** Plan reviews: when, who, progress per goal and the decision. */
export function PlanReviews({ patient, agreed }: { patient: PatientOverview; agreed: PlanVersion | null }) {
  const reviews = usePlanReviews(patient.id);
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="reviews-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="reviews-heading">
          Reviews
        </Title>
        {agreed && !adding && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Record a review
          </Button>
        )}
      </Group>
      {agreed?.reviewDate && (
        <Text size="sm" mb="sm">
          Next review due {formatDay(agreed.reviewDate)}.
        </Text>
      )}
      {adding && agreed && <ReviewForm patient={patient} agreed={agreed} onDone={() => setAdding(false)} />}
      {reviews.isPending && <LoadingState />}
      {reviews.isError && <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data?.reviews.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          {agreed ? 'No reviews yet.' : 'Reviews start once the plan is agreed.'}
        </Text>
      )}
      <Stack gap="sm" mt="sm">
        {reviews.data?.reviews.map((r) => (
          <Paper key={r.id} withBorder p="sm" radius="sm">
            <Text size="sm" fw={600}>
              {formatDay(r.heldOn)} · {DECISION_LABELS[r.decision]} (version {r.versionNumber})
            </Text>
            <Text size="xs" c="dimmed">
              {r.participants.map((p) => p.name).join(', ')}
              {r.patientTookPart ? ', with the patient' : ''} · recorded by {r.recordedBy.name}
            </Text>
            {r.notes && <Text size="sm">{r.notes}</Text>}
            {r.nextDraftNumber !== null && <Text size="sm">Started draft version {r.nextDraftNumber}.</Text>}
          </Paper>
        ))}
      </Stack>
      <ShowingLatest
        shown={reviews.data?.reviews.length ?? 0}
        hasMore={reviews.data?.hasMore === true}
        what="reviews"
      />
    </Paper>
  );
}
