import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { SoftBadge } from '../../components/badges';
import { formatDay, fullName } from '../../components/format';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ShowingLatest } from '../../components/showing-latest';
import type { SessionFeedback } from '../../../shared/feedback/schemas';
import { usePatient } from '../patients/api';
import { useSessionFeedback, useTreatmentRatings } from './api';
import { SessionTrendChart, TreatmentRatingsChart } from './feedback-charts';
import { SESSION_QUESTIONS, SESSION_SHORT } from './feedback-words';

function Answer({ label, text }: { label: string; text: string }) {
  if (text === '') return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </div>
  );
}

function FeedbackItem({ f }: { f: SessionFeedback }) {
  return (
    <Paper withBorder radius="md" p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            Session on {formatDay(f.sessionDay)}
          </Title>
          {f.low && <SoftBadge color="red">Low rating</SoftBadge>}
        </Group>
        <Text size="sm">
          {SESSION_SHORT.goals}: <strong>{f.goalsRating} / 10</strong> · {SESSION_SHORT.heard}:{' '}
          <strong>{f.heardRating} / 10</strong>
        </Text>
        <Answer label={SESSION_QUESTIONS.helped} text={f.helped} />
        <Answer label={SESSION_QUESTIONS.notHelped} text={f.notHelped} />
        <Answer label={SESSION_QUESTIONS.change} text={f.change} />
      </Stack>
    </Paper>
  );
}

/**
 * `/patients/:patientId/feedback`: "What helps" — the patient's feedback on each session with its trend,
 * and the four-weekly ratings of each part of the treatment side by side (issue 6). The whole care team
 * sees it: therapist and prescriber read the same page.
 */
export function FeedbackPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const sessions = useSessionFeedback(patientId);
  const ratings = useTreatmentRatings(patientId);
  if (patient.isError && isApiError(patient.error, 'not_found')) return <NotFoundPage />;
  const name = patient.data ? fullName(patient.data) : 'Patient';
  const newestFirst = [...(sessions.data?.feedback ?? [])].reverse();

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name}
      </Anchor>
      <div>
        <PageTitle documentTitle={`What helps · ${name}`}>{`What helps: ${name}`}</PageTitle>
        <Text c="dimmed">The patient&apos;s own view: feedback after sessions and four-weekly ratings.</Text>
      </div>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="session-trend-heading">
          <Title order={2} size="h4" id="session-trend-heading" mb="xs">
            Session feedback over time
          </Title>
          {sessions.isPending && <LoadingState label="Loading feedback…" />}
          {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
          {sessions.data &&
            (sessions.data.feedback.length === 0 ? (
              <Text size="sm" c="dimmed">
                No feedback yet. After each attended session the patient is asked five short questions.
              </Text>
            ) : (
              <SessionTrendChart
                feedback={sessions.data.feedback}
                threshold={sessions.data.lowRatingThreshold}
              />
            ))}
        </Paper>

        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ratings-heading">
          <Title order={2} size="h4" id="ratings-heading" mb="xs">
            How much each part helps
          </Title>
          {ratings.isPending && <LoadingState label="Loading ratings…" />}
          {ratings.isError && <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} />}
          {ratings.data && (
            <>
              <Text size="xs" c="dimmed" mb="xs">
                Every four weeks, 0-10.{' '}
                {ratings.data.due.isDue
                  ? 'A new round is due now.'
                  : `Next round due ${formatDay(ratings.data.due.dueDay)}.`}
              </Text>
              <TreatmentRatingsChart rounds={ratings.data.rounds} />
              <ShowingLatest
                shown={ratings.data.rounds.length}
                hasMore={ratings.data.hasMore}
                what="rounds"
              />
            </>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="answers-heading">
        <Title order={2} size="h4" id="answers-heading" mb="sm">
          Answers after each session
        </Title>
        {sessions.data?.hasMore === true && (
          <Text size="sm" c="dimmed" mb="xs">
            Showing the latest {newestFirst.length} sessions&apos; feedback; older answers are not listed.
          </Text>
        )}
        {sessions.data && newestFirst.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        )}
        <Stack component="ul" gap="sm" p={0} m={0}>
          {newestFirst.map((f) => (
            <FeedbackItem key={f.id} f={f} />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
