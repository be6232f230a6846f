import {
  Alert as Callout,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CaseReviewSessionDetail } from '../../../shared/registry/api';

type AgendaItem = CaseReviewSessionDetail['agenda'][number];
import { useCurrentUser } from '../../app/session';
import { browserToday, formatDay, roleLabel } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useClinicians } from '../patients/api';
import { RecommendationForm } from '../case-review/recommendation-form';
import { TrackedRecommendation } from '../case-review/tracked-recommendation';
import { MyRecommendationsCard } from '../case-review/my-recommendations';
import { CaseReviewListCard } from '../case-review/case-review-list';
import { useCaseReviewSession, useCaseReviewSessions, useCreateCaseReviewSession } from './api';

const today = browserToday;

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
      {sessions.data?.sessions.length === 0 && (
        <Text size="sm" c="dimmed">
          No case reviews yet.
        </Text>
      )}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[...(sessions.data?.sessions ?? [])]
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
      {sessions.data?.hasMore === true && (
        <Text size="sm" c="dimmed" mt="xs">
          Showing the latest {sessions.data.sessions.length} case reviews; older ones are not listed.
        </Text>
      )}
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
                  <TrackedRecommendation key={r.id} patientId={r.patientId} r={r} />
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
      <MyRecommendationsCard />
      <CaseReviewListCard />
      {user.role === 'care_manager' && <NewSessionForm />}
      <SessionList />
    </Stack>
  );
}
