import {
  Alert as Callout,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useEffect, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CaseReviewSessionDetail, Recommendation } from '../../app/api-types';

type AgendaItem = CaseReviewSessionDetail['agenda'][number];
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { formatDateTime, formatDay, roleLabel } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useClinicians } from '../patients/api';
import {
  useCaseReviewSession,
  useCaseReviewSessions,
  useCreateCaseReviewSession,
  useMarkForCaseReview,
  usePatientCaseReview,
  useRecommend,
  useUnmarkForCaseReview,
} from './api';

const today = () => new Date().toLocaleDateString('en-CA');

function RecommendationItem({ r }: { r: Recommendation }) {
  return (
    <Paper component="li" withBorder radius="sm" p="sm">
      <Group gap="xs" mb={2}>
        {r.priority === 'high' && <SoftBadge color="orange">High</SoftBadge>}
        <Text size="sm" fw={700}>
          {r.summary}
        </Text>
      </Group>
      {r.details && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.details}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {r.byName} · {formatDateTime(r.createdAt)}
      </Text>
    </Paper>
  );
}

/** The prescriber's recommendation for one patient, sent to the patient's team through the inbox. */
export function RecommendationForm({
  patientId,
  sessionId,
}: {
  patientId: string;
  sessionId: string | null;
}) {
  const recommend = useRecommend(patientId);
  const [id, setId] = useState(newClientId);
  const [priority, setPriority] = useState<'routine' | 'high'>('routine');
  const [summary, setSummary] = useState('');
  const [details, setDetails] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (summary.trim() === '') return;
    recommend.mutate(
      { id, sessionId, priority, summary: summary.trim(), details: details.trim() },
      {
        onSuccess: () => {
          setId(newClientId());
          setSummary('');
          setDetails('');
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
          maxLength={500}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={showErrors && summary.trim() === '' ? 'Write the recommendation.' : undefined}
        />
        <Textarea
          label="Details"
          autosize
          minRows={2}
          maxLength={5000}
          value={details}
          onChange={(e) => setDetails(e.currentTarget.value)}
        />
        {recommend.isError && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(recommend.error)}
          </Callout>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={recommend.isPending}>
            Send to the care team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** On the patient page: the case-review mark (care manager toggles it) and the consultant's recommendations. */
export function CaseReviewCard({ patientId }: { patientId: string }) {
  const user = useCurrentUser();
  const review = usePatientCaseReview(patientId);
  const mark = useMarkForCaseReview(patientId);
  const unmark = useUnmarkForCaseReview(patientId);
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  const isCareManager = user.role === 'care_manager';
  const data = review.data;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-review-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="case-review-heading">
          Case review
        </Title>
        {data?.mark && <SoftBadge color="grape">Marked for case review</SoftBadge>}
      </Group>
      {review.isPending && <LoadingState />}
      {review.isError && <ErrorState error={review.error} onRetry={() => void review.refetch()} />}
      {data && (
        <Stack gap="sm">
          {data.mark ? (
            <Text size="sm">
              To discuss: {data.mark.reason}{' '}
              <Text span size="xs" c="dimmed">
                ({data.mark.markedByName}, {formatDateTime(data.mark.markedAt)})
              </Text>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Not marked for the next case review.
            </Text>
          )}
          {isCareManager && data.mark && (
            <Group>
              <Button size="xs" variant="default" loading={unmark.isPending} onClick={() => unmark.mutate()}>
                Remove from case review
              </Button>
            </Group>
          )}
          {isCareManager && !data.mark && (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                setShowError(true);
                if (reason.trim() === '') return;
                mark.mutate(reason.trim(), {
                  onSuccess: () => {
                    setReason('');
                    setShowError(false);
                  },
                });
              }}
            >
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label="What to discuss"
                  size="sm"
                  value={reason}
                  maxLength={1000}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={showError && reason.trim() === '' ? 'Say what to discuss.' : undefined}
                  style={{ flex: '1 1 220px' }}
                />
                <Button type="submit" size="sm" loading={mark.isPending}>
                  Mark for case review
                </Button>
              </Group>
            </form>
          )}
          {(mark.isError || unmark.isError) && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(mark.error ?? unmark.error)}
            </Callout>
          )}
          <Title order={3} size="h5">
            Recommendations
          </Title>
          {data.recommendations.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet.
            </Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {[...data.recommendations]
                .sort((a, b) => b.createdAt - a.createdAt)
                .map((r) => (
                  <RecommendationItem key={r.id} r={r} />
                ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function NewSessionForm() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const clinicians = useClinicians();
  const create = useCreateCaseReviewSession();
  const [reviewDate, setReviewDate] = useState(today);
  const [participants, setParticipants] = useState<string[]>([]);
  const others = (clinicians.data ?? []).filter((c) => c.id !== user.id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="new-session-heading">
      <Title order={2} size="h4" id="new-session-heading" mb="sm">
        New case review
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { reviewDate, participantIds: [user.id, ...participants] },
            { onSuccess: (session) => void navigate(`/case-review/${session.id}`) },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="date"
            label="Date"
            required
            value={reviewDate}
            onChange={(e) => setReviewDate(e.currentTarget.value)}
            maw={220}
          />
          <Checkbox.Group label="Taking part" value={participants} onChange={setParticipants}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {others.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${c.name} (${roleLabel(c.role)})`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {create.isError && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(create.error)}
            </Callout>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Start case review
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SessionList() {
  const sessions = useCaseReviewSessions();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h4" id="sessions-heading" mb="sm">
        Case reviews
      </Title>
      {sessions.isPending && <LoadingState />}
      {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No case reviews yet.
        </Text>
      )}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[...(sessions.data ?? [])]
          .sort((a, b) => b.reviewDate.localeCompare(a.reviewDate) || b.createdAt - a.createdAt)
          .map((s) => (
            <li key={s.id}>
              <Anchor component={Link} to={`/case-review/${s.id}`} underline="always" fw={600}>
                Case review on {formatDay(s.reviewDate)}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                · {s.participants.map((p) => p.name).join(', ')}
              </Text>
            </li>
          ))}
      </Stack>
    </Paper>
  );
}

/** One session: walk through the marked patients one at a time; the consultant records recommendations. */
function SessionWalkThrough({ sessionId }: { sessionId: string }) {
  const user = useCurrentUser();
  const session = useCaseReviewSession(sessionId);
  const [index, setIndex] = useState(0);
  // A recommendation clears the patient's mark (the server's rule), so the agenda shrinks as the review
  // goes on; keep everyone seen in this sitting so the walk-through does not lose its place.
  const [seen, setSeen] = useState<AgendaItem[]>([]);
  const incoming = session.data?.agenda;
  useEffect(() => {
    if (!incoming) return;
    setSeen((prev) => [...prev, ...incoming.filter((a) => !prev.some((p) => p.patientId === a.patientId))]);
  }, [incoming]);
  if (session.isPending) return <LoadingState label="Loading the case review…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const { recommendations } = session.data;
  const agenda = [
    ...seen,
    ...session.data.agenda.filter((a) => !seen.some((p) => p.patientId === a.patientId)),
  ];
  const current = agenda[Math.min(index, Math.max(0, agenda.length - 1))];
  const position = Math.min(index, Math.max(0, agenda.length - 1));
  return (
    <Stack gap="md">
      <Text c="dimmed">
        {formatDay(session.data.reviewDate)} · {session.data.participants.map((p) => p.name).join(', ')}
      </Text>
      {agenda.length === 0 && (
        <Paper withBorder radius="md" p="md">
          <Text c="dimmed">
            No patients are marked for case review. The care manager marks them from the registry or the
            patient page.
          </Text>
        </Paper>
      )}
      {current && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="agenda-heading">
          <Group justify="space-between" gap="xs" mb="sm">
            <Text size="sm" fw={600}>
              Patient {position + 1} of {agenda.length}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowLeft size={14} aria-hidden />}
                disabled={position === 0}
                onClick={() => setIndex(position - 1)}
              >
                Previous
              </Button>
              <Button
                size="xs"
                variant="default"
                rightSection={<IconArrowRight size={14} aria-hidden />}
                disabled={position >= agenda.length - 1}
                onClick={() => setIndex(position + 1)}
              >
                Next patient
              </Button>
            </Group>
          </Group>
          <Title order={2} size="h3" id="agenda-heading">
            <Anchor component={Link} to={`/patients/${current.patientId}`} inherit underline="always">
              {current.givenName} {current.familyName}
            </Anchor>
          </Title>
          <Text size="sm" mb="sm">
            To discuss: {current.mark.reason}{' '}
            <Text span size="xs" c="dimmed">
              ({current.mark.markedByName})
            </Text>
          </Text>
          <Group gap="xs" mb="sm">
            <Button component={Link} to={`/patients/${current.patientId}/measures`} size="xs" variant="light">
              Symptoms
            </Button>
            <Button component={Link} to={`/patients/${current.patientId}/plan`} size="xs" variant="light">
              Treatment plan
            </Button>
          </Group>
          <Title order={3} size="h5" mb="xs">
            Recommendations in this review
          </Title>
          {recommendations.filter((r) => r.patientId === current.patientId).length === 0 ? (
            <Text size="sm" c="dimmed" mb="sm">
              None yet.
            </Text>
          ) : (
            <Stack gap="xs" component="ul" mb="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {recommendations
                .filter((r) => r.patientId === current.patientId)
                .map((r) => (
                  <RecommendationItem key={r.id} r={r} />
                ))}
            </Stack>
          )}
          {user.role === 'prescriber' ? (
            <RecommendationForm key={current.patientId} patientId={current.patientId} sessionId={sessionId} />
          ) : (
            <Text size="sm" c="dimmed">
              The psychiatric consultant (a prescriber) records recommendations here.
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

/** `/case-review` and `/case-review/:sessionId`. */
export function CaseReviewPage() {
  const { sessionId } = useParams();
  const user = useCurrentUser();
  if (sessionId) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to="/case-review" size="sm">
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> All case reviews
        </Anchor>
        <PageTitle>Case review</PageTitle>
        <SessionWalkThrough sessionId={sessionId} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <div>
        <PageTitle>Case reviews</PageTitle>
        <Text c="dimmed">
          The care manager marks patients to discuss and starts a review; the psychiatric consultant records a
          recommendation for each, which goes to the patient&apos;s team.{' '}
          <Anchor component={Link} to="/registry?flag=case_review" inherit underline="always">
            Marked patients in the registry
          </Anchor>
          .
        </Text>
      </div>
      {user.role === 'care_manager' && <NewSessionForm />}
      <SessionList />
    </Stack>
  );
}
