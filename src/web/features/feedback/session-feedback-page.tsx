import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { useCurrentUser } from '../../app/session';
import { formatDay } from '../../components/format';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import type { SessionFeedback, SessionFeedbackForm } from '../../../shared/feedback/schemas';
import { useSessionFeedbackForm, useSubmitSessionFeedback } from './api';
import { FeedbackSlider } from './feedback-slider';
import { SESSION_QUESTIONS, sessionDate } from './feedback-words';

function BackHome() {
  return (
    <Anchor component={Link} to="/home" size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
    </Anchor>
  );
}

function Answered({ feedback, justSent }: { feedback: SessionFeedback; justSent: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justSent) ref.current?.focus();
  }, [justSent]);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="thanks-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="thanks-heading" ref={ref} tabIndex={-1}>
          <IconCircleCheck
            size={24}
            aria-hidden
            style={{ verticalAlign: 'text-bottom', color: 'var(--mantine-color-green-8)' }}
          />{' '}
          {justSent ? 'Thank you for your feedback' : 'You have answered for this session'}
        </Title>
        <Text>
          Your therapist and care team will read it. It helps them shape your next sessions around what works
          for you.
        </Text>
        <Text size="sm">
          Met your goals: <strong>{feedback.goalsRating} / 10</strong> · Felt heard:{' '}
          <strong>{feedback.heardRating} / 10</strong>
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/home">
            Back to home
          </Button>
          <Button component={Link} to="/home/messages/new" variant="default">
            Message your care team
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function FeedbackForm({
  patientId,
  form,
  onSent,
}: {
  patientId: string;
  form: SessionFeedbackForm;
  onSent: (feedback: SessionFeedback) => void;
}) {
  const [id] = useState(newClientId);
  const [helped, setHelped] = useState('');
  const [notHelped, setNotHelped] = useState('');
  const [goals, setGoals] = useState<number | null>(null);
  const [heard, setHeard] = useState<number | null>(null);
  const [change, setChange] = useState('');
  const [showMissing, setShowMissing] = useState(false);
  const submit = useSubmitSessionFeedback(patientId);
  const missingRef = useRef<HTMLDivElement>(null);
  const missing = [
    goals === null ? 'how well it met your goals' : null,
    heard === null ? 'feeling heard' : null,
  ].filter((m): m is string => m !== null);

  useEffect(() => {
    if (showMissing) missingRef.current?.focus();
  }, [showMissing]);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (goals === null || heard === null) {
      setShowMissing(true);
      return;
    }
    submit.mutate(
      {
        id,
        appointmentId: form.appointmentId,
        helped,
        notHelped,
        goalsRating: goals,
        heardRating: heard,
        change,
      },
      // The page then shows the thank-you (the form query, refetched, reads "answered" from now on).
      { onSuccess: (result) => onSent(result.feedback) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Session feedback">
      <Stack gap="lg">
        <Text>
          A few questions about your session. There are no right answers: honest feedback helps your therapist
          most. Open until {formatDay(form.closesOn)}.
        </Text>
        <Textarea
          label={SESSION_QUESTIONS.helped}
          value={helped}
          onChange={(e) => setHelped(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
        />
        <Textarea
          label={SESSION_QUESTIONS.notHelped}
          value={notHelped}
          onChange={(e) => setNotHelped(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
        />
        <FeedbackSlider
          label={SESSION_QUESTIONS.goals}
          value={goals}
          onChange={(v) => {
            setGoals(v);
            setShowMissing(false);
          }}
          lowWord="not at all"
          highWord="completely"
        />
        <FeedbackSlider
          label={SESSION_QUESTIONS.heard}
          value={heard}
          onChange={(v) => {
            setHeard(v);
            setShowMissing(false);
          }}
          lowWord="not at all"
          highWord="completely"
        />
        <Textarea
          label={SESSION_QUESTIONS.change}
          value={change}
          onChange={(e) => setChange(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
        />
        {showMissing && missing.length > 0 && (
          <Alert
            ref={missingRef}
            tabIndex={-1}
            color="orange"
            variant="light"
            role="alert"
            title="Two ratings, please"
          >
            Move the slider for {missing.join(' and ')}. Any number is fine.
          </Alert>
        )}
        {submit.isError && (
          <Alert color="red" variant="light" role="alert" title="Not sent yet">
            {isApiError(submit.error, 'conflict')
              ? 'You have already given feedback on this session.'
              : errorMessage(submit.error)}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={submit.isPending} fullWidth>
          Send my feedback
        </Button>
      </Stack>
    </form>
  );
}

/** /home/feedback/:appointmentId: the patient's feedback on one attended session (issue 6). */
export function SessionFeedbackPage() {
  const user = useCurrentUser();
  const { appointmentId = '' } = useParams();
  const form = useSessionFeedbackForm(user.patientId ?? '', appointmentId);
  const [sent, setSent] = useState<SessionFeedback | null>(null);
  if (form.isError && isApiError(form.error, 'not_found')) return <NotFoundPage />;
  const title = form.data
    ? `How was your session on ${sessionDate(form.data.sessionDay)}?`
    : 'Session feedback';
  return (
    <Stack gap="lg" maw={640}>
      <BackHome />
      <PageTitle documentTitle="Session feedback">{title}</PageTitle>
      {form.isPending && <LoadingState label="Loading…" />}
      {form.isError && <ErrorState error={form.error} onRetry={() => void form.refetch()} />}
      {sent && <Answered feedback={sent} justSent />}
      {!sent && form.data?.state === 'answered' && form.data.feedback && (
        <Answered feedback={form.data.feedback} justSent={false} />
      )}
      {form.data?.state === 'closed' && (
        <Alert color="gray" variant="light" title="This form has closed">
          Feedback on a session is open for two weeks after it. If something about it is on your mind, you can
          always message your care team.
        </Alert>
      )}
      {!sent && form.data?.state === 'open' && user.patientId && (
        <FeedbackForm patientId={user.patientId} form={form.data} onSent={setSent} />
      )}
    </Stack>
  );
}
