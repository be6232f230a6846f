import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Instrument, NewMeasureResponse, SubmitMeasureAnswer } from '../../../shared/measures/api';
import { useCurrentUser } from '../../app/session';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useAnswerQuestionnaire, useInstruments } from './api';
import { CrisisPanel, OfflineCrisisPanel } from './crisis-panel';
import { kindBandWords } from './measure-words';
import classes from './measures.module.css';

type Answers = (number | null)[];

function BackHome() {
  return (
    <Anchor component={Link} to="/home" size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
    </Anchor>
  );
}

/** One question as a fieldset of native radios; each whole row is the tap target. */
function Question({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: Instrument['options'];
  value: number | null;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className={classes.item} id={`${name}-fieldset`}>
      <legend className={classes.legend}>{legend}</legend>
      <div className={classes.options}>
        {options.map((option) => (
          <label key={option.value} className={classes.option}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ThankYou({ instrument, answer }: { instrument: Instrument; answer: SubmitMeasureAnswer }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const crisis = answer.crisis !== null;
  const { response } = answer;
  useEffect(() => {
    // With the safety path on screen, focus stays on the crisis resources.
    if (!crisis) ref.current?.focus();
  }, [crisis]);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="thanks-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="thanks-heading" ref={ref} tabIndex={-1}>
          <IconCircleCheck
            size={24}
            aria-hidden
            style={{ verticalAlign: 'text-bottom', color: 'var(--mantine-color-green-8)' }}
          />{' '}
          Thank you, your answers are saved
        </Title>
        {response.total !== null ? (
          <>
            <Text>
              Your {instrument.name} score is <strong>{response.total}</strong> out of {instrument.maxTotal}
              {response.severity ? ` (${response.severity.label.toLowerCase()})` : ''}.
            </Text>
            {/* Beside a self-harm answer a low score must not read as reassurance (issue 12). */}
            <Text>
              {crisis
                ? 'Whatever the score, the thoughts you told us about matter most: your care team will contact you.'
                : kindBandWords(response.severity?.code)}
            </Text>
          </>
        ) : (
          <Text>
            Some questions were left unanswered, so there is no total score this time. That is all right: your
            care team will see the answers you gave.
          </Text>
        )}
        <Text size="sm" c="dimmed">
          A score is not a diagnosis. It helps you and your care team see how things change over time, and
          whether your treatment is helping.
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/home" variant={crisis ? 'default' : 'filled'}>
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

/** Answers made offline: kept on the phone and sent when it is back online (issue 17). */
function SavedOnPhone() {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="saved-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="saved-heading">
          Saved on this phone
        </Title>
        <Text>
          You are offline. Your answers will be sent to your care team as soon as your phone is back online;
          until then nobody at the clinic can see them.
        </Text>
        <Group>
          <BackHome />
        </Group>
      </Stack>
    </Paper>
  );
}

function Questionnaire({ instrument, patientId }: { instrument: Instrument; patientId: string }) {
  const [id] = useState(newClientId);
  const [answers, setAnswers] = useState<Answers>(() => instrument.items.map(() => null));
  const [functional, setFunctional] = useState<number | null>(null);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const submit = useAnswerQuestionnaire(patientId);
  const missingRef = useRef<HTMLDivElement>(null);

  const answered = answers.filter((a) => a !== null).length;
  const missing = answers.flatMap((a, i) => (a === null ? [i + 1] : []));
  // Issue 12: the self-harm question (PHQ-9 item 9) left blank is singled out, once, in plain words.
  const safetyIndex = instrument.items.findIndex((it) => it.linkId === instrument.safetyItemLinkId);
  const safetyNumber = safetyIndex >= 0 ? safetyIndex + 1 : null;
  const safetySkipped = safetyNumber !== null && missing.includes(safetyNumber);
  const otherMissing = missing.filter((n) => n !== safetyNumber);
  const goToSafetyItem = () => {
    const item = instrument.items[safetyIndex];
    if (!item) return;
    const first = document.getElementsByName(item.linkId)[0];
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  };

  useEffect(() => {
    if (confirmMissing) missingRef.current?.focus();
  }, [confirmMissing]);

  const send = () =>
    submit.mutate({
      id,
      instrument: instrument.id as NewMeasureResponse['instrument'],
      answers: { items: answers, functional },
    });

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (missing.length > 0 && !confirmMissing) {
      setConfirmMissing(true);
      return;
    }
    send();
  };

  if (submit.isSuccess && submit.data === null) {
    // Issue 17: answered offline, waiting on the phone. Item 9 above 0 shows the crisis numbers at once,
    // from the phone (instruments.md, PHQ-9 item 9: "The patient who answers above 0 is shown crisis
    // resources at once"); the answers, and with them the care team's alert, go as soon as it is online.
    const safetyAnswer = safetyIndex >= 0 ? answers[safetyIndex] : null;
    return (
      <Stack gap="lg">
        {safetyAnswer !== null && safetyAnswer !== undefined && safetyAnswer > 0 && (
          <OfflineCrisisPanel patientId={patientId} />
        )}
        <SavedOnPhone />
      </Stack>
    );
  }

  if (submit.data) {
    return (
      <Stack gap="lg">
        {submit.data.crisis && (
          <CrisisPanel set={submit.data.crisis} safetyPlan={submit.data.crisis.safetyPlan} />
        )}
        <ThankYou instrument={instrument} answer={submit.data} />
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="questionnaire-stem">
      <Stack gap="lg">
        <div className={classes.progress}>
          <Text size="sm" fw={600} mb={4}>
            {answered} of {instrument.items.length} answered
          </Text>
          {/* The sentence above says it in words; the bar is for the eye only. */}
          <div aria-hidden>
            <Progress value={(answered / instrument.items.length) * 100} size="md" />
          </div>
        </div>
        <Text fw={700} size="lg" id="questionnaire-stem">
          {instrument.stem}
        </Text>
        {instrument.items.map((item, index) => (
          <Question
            key={item.linkId}
            name={item.linkId}
            legend={`${String(index + 1)}. ${item.text}`}
            options={instrument.options}
            value={answers[index] ?? null}
            onChange={(value) => {
              setConfirmMissing(false);
              setAnswers((prev) => prev.map((a, i) => (i === index ? value : a)));
            }}
          />
        ))}
        {instrument.functionalItem && (
          <Question
            name={`${instrument.id}-functional`}
            legend={instrument.functionalItem.text}
            options={instrument.functionalItem.options}
            value={functional}
            onChange={setFunctional}
          />
        )}
        {confirmMissing && missing.length > 0 && (
          <Alert
            ref={missingRef}
            tabIndex={-1}
            color="orange"
            variant="light"
            title={
              safetySkipped
                ? `Question ${String(safetyNumber)} is not answered`
                : 'Some questions are not answered'
            }
            role="alert"
          >
            <Stack gap="xs">
              {safetySkipped && (
                <>
                  <Text size="sm" fw={600}>
                    Question {safetyNumber} asks whether you have had thoughts that you would be better off
                    dead, or of hurting yourself. We ask everyone this. Your answer goes to your care team so
                    they can help keep you safe. Would you answer it before you send?
                  </Text>
                  <Button variant="light" size="sm" w="fit-content" onClick={goToSafetyItem}>
                    Answer question {safetyNumber}
                  </Button>
                </>
              )}
              {otherMissing.length > 0 && (
                <Text size="sm">
                  {safetySkipped ? 'Also, question' : 'Question'}
                  {otherMissing.length === 1 ? '' : 's'} {otherMissing.join(', ')}{' '}
                  {otherMissing.length === 1 ? 'has' : 'have'} no answer.
                </Text>
              )}
              <Text size="sm">
                Without every answer there is no total score. You can go back and answer, or send what you
                have.
              </Text>
            </Stack>
          </Alert>
        )}
        {submit.isError && (
          <Alert color="red" variant="light" role="alert" title="Your answers were not sent yet">
            <Text size="sm">
              {errorMessage(submit.error)} Your answers are still here: press “Send my answers” again. They
              will only be saved once.
            </Text>
          </Alert>
        )}
        <Button type="submit" size="lg" fullWidth maw={{ sm: 360 }} loading={submit.isPending}>
          {!confirmMissing || missing.length === 0
            ? 'Send my answers'
            : safetySkipped && otherMissing.length === 0
              ? `Send without answering question ${String(safetyNumber)}`
              : 'Send without those answers'}
        </Button>
        <Text size="xs" c="dimmed">
          {instrument.attribution}
        </Text>
      </Stack>
    </form>
  );
}

/** `/home/measures/:instrument`: one questionnaire, rendered from the instrument's data. */
export function QuestionnairePage() {
  const { instrument: instrumentId = '' } = useParams();
  const user = useCurrentUser();
  const instruments = useInstruments();
  const instrument = instruments.data?.find((i) => i.id === instrumentId);

  if (instruments.data && !instrument) {
    return (
      <NotFoundPage
        title="Questionnaire not found"
        message="There is no questionnaire at this address."
        backTo="/home"
        backLabel="Back to home"
      />
    );
  }

  return (
    <Stack gap="md">
      <BackHome />
      <PageTitle documentTitle={instrument?.name ?? 'Questionnaire'}>
        {instrument ? instrument.title : 'Questionnaire'}
      </PageTitle>
      {instruments.isPending && <LoadingState label="Loading the questionnaire…" />}
      {instruments.isError && (
        <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} />
      )}
      {instrument && <Questionnaire instrument={instrument} patientId={user.patientId ?? ''} />}
    </Stack>
  );
}
