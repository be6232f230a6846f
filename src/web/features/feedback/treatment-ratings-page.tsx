import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { formatDay } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import type { TreatmentPart, TreatmentRatings } from '../../../shared/feedback/schemas';
import { useSubmitTreatmentRating, useTreatmentRatings } from './api';
import { FeedbackSlider } from './feedback-slider';
import { TREATMENT_QUESTION } from './feedback-words';

const partKey = (p: { kind: string; key: string }) => `${p.kind}:${p.key}`;

const KIND_WORDS: Record<TreatmentPart['kind'], string> = {
  medication: 'Medication',
  practice: 'Practice between sessions',
  sessions: 'Therapy',
};

/** One part: a slider, and "not sure yet" for a part the patient cannot judge (just started, say). */
function PartRating({
  part,
  value,
  unsure,
  onChange,
  onUnsure,
}: {
  part: TreatmentPart;
  value: number | null;
  unsure: boolean;
  onChange: (v: number) => void;
  onUnsure: (v: boolean) => void;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
      <legend style={{ padding: '0 4px' }}>
        <Text size="sm" c="dimmed" fw={600} component="span">
          {KIND_WORDS[part.kind]}
        </Text>
      </legend>
      <Stack gap="xs">
        {!unsure && (
          <FeedbackSlider
            label={part.label}
            value={value}
            onChange={onChange}
            lowWord="not helping"
            highWord="helps a lot"
          />
        )}
        {unsure && <Text fw={600}>{part.label}</Text>}
        <Checkbox
          label="I'm not sure yet"
          checked={unsure}
          onChange={(e) => onUnsure(e.currentTarget.checked)}
          size="md"
        />
      </Stack>
    </Paper>
  );
}

function RatingForm({ patientId, data }: { patientId: string; data: TreatmentRatings }) {
  const [id] = useState(newClientId);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [unsure, setUnsure] = useState<Record<string, boolean>>({});
  const [showMissing, setShowMissing] = useState(false);
  const submit = useSubmitTreatmentRating(patientId);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const missingRef = useRef<HTMLDivElement>(null);
  const missing = data.parts.filter((p) => scores[partKey(p)] === undefined && !unsure[partKey(p)]);

  useEffect(() => {
    if (submit.data) doneRef.current?.focus();
  }, [submit.data]);
  useEffect(() => {
    if (showMissing) missingRef.current?.focus();
  }, [showMissing]);

  if (submit.data) {
    return (
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ratings-thanks">
        <Stack gap="sm">
          <Title order={2} size="h3" id="ratings-thanks" ref={doneRef} tabIndex={-1}>
            <IconCircleCheck
              size={24}
              aria-hidden
              style={{ verticalAlign: 'text-bottom', color: 'var(--mantine-color-green-8)' }}
            />{' '}
            Thank you, your ratings are saved
          </Title>
          <Text>
            Your therapist and your prescriber both see them, side by side with your earlier ones. It shows
            them which parts of your treatment are doing the work for you.
          </Text>
          <Button component={Link} to="/home" maw={220}>
            Back to home
          </Button>
        </Stack>
      </Paper>
    );
  }

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    submit.mutate({
      id,
      ratings: data.parts.map((p) => ({
        kind: p.kind,
        key: p.key,
        score: unsure[partKey(p)] ? null : (scores[partKey(p)] ?? null),
      })),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Rate your treatment">
      <Stack gap="md">
        <Text fw={700} size="lg">
          {TREATMENT_QUESTION}
        </Text>
        <Text size="sm" c="dimmed">
          0 means it is not helping at all, 10 that it helps a great deal. About once every four weeks.
        </Text>
        {data.parts.map((p) => (
          <PartRating
            key={partKey(p)}
            part={p}
            value={scores[partKey(p)] ?? null}
            unsure={unsure[partKey(p)] ?? false}
            onChange={(v) => {
              setScores((s) => ({ ...s, [partKey(p)]: v }));
              setShowMissing(false);
            }}
            onUnsure={(v) => {
              setUnsure((s) => ({ ...s, [partKey(p)]: v }));
              setShowMissing(false);
            }}
          />
        ))}
        {showMissing && missing.length > 0 && (
          <Alert
            ref={missingRef}
            tabIndex={-1}
            color="orange"
            variant="light"
            role="alert"
            title="Almost there"
          >
            Rate {missing.map((p) => p.label).join(', ')}, or tick &quot;I&apos;m not sure yet&quot;.
          </Alert>
        )}
        {submit.isError && (
          <Alert color="red" variant="light" role="alert" title="Not sent yet">
            {errorMessage(submit.error)}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={submit.isPending} fullWidth>
          Save my ratings
        </Button>
      </Stack>
    </form>
  );
}

/** /home/treatment-ratings: every four weeks, how much each part of the treatment helps (issue 6). */
export function TreatmentRatingsPage() {
  const user = useCurrentUser();
  const ratings = useTreatmentRatings(user.patientId ?? '');
  const last = ratings.data?.rounds.at(-1);
  return (
    <Stack gap="lg" maw={640}>
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <PageTitle>What is helping you?</PageTitle>
      {ratings.isPending && <LoadingState label="Loading…" />}
      {ratings.isError && <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} />}
      {ratings.data && (
        <>
          <Group gap="xs">
            <Text size="sm">
              {ratings.data.due.isDue
                ? 'Your four-weekly ratings are due.'
                : `Next ratings due ${formatDay(ratings.data.due.dueDay)}; you can answer earlier.`}
              {last ? ` Last answered ${formatDay(last.ratedDay)}.` : ''}
            </Text>
          </Group>
          {user.patientId && <RatingForm patientId={user.patientId} data={ratings.data} />}
        </>
      )}
    </Stack>
  );
}
