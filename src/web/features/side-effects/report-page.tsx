import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { guideByKey } from '../../../shared/medication-guides/guides';
import { interferenceAnchors } from '../../../shared/side-effects/interference';
import {
  commonSymptomCodes,
  symptomCodes,
  symptomLabels,
  type SymptomCode,
} from '../../../shared/side-effects/symptoms';
import { useCurrentUser } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { GuideLink } from '../medication-guides/guide-link';
import {
  useReportForm,
  useSubmitSideEffectReport,
  type SubmitReportResult,
  type SuspectableMedication,
} from './api';
import { UrgentAdvice } from './urgent-advice';
import { CrisisResources } from '../../components/crisis-resources';
import { doseWords, severityOptions, type SeverityValue } from './words';
import classes from './side-effects.module.css';

const NOT_SURE = 'not-sure';

function BackLink() {
  return (
    <Anchor component={Link} to="/home/side-effects" size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> My side-effect reports
    </Anchor>
  );
}

/**
 * After sending: the advice for urgent symptoms first (UrgentAdvice: emergency or crisis line first when
 * it applies), then kind words, and "do not stop suddenly" only where no advice says to stop or call.
 */
function Sent({ result, patientId }: { result: SubmitReportResult; patientId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  const { advice, report } = result;
  const guide = advice.guideKey ? guideByKey(advice.guideKey) : null;
  const showAdvice = advice.urgent || advice.items.length > 0;
  return (
    <Stack gap="lg">
      {showAdvice && <UrgentAdvice advice={advice} patientId={patientId} focusRef={ref} />}
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-labelledby="sent-heading"
        className={classes.done}
        ref={showAdvice ? undefined : ref}
        tabIndex={-1}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="sent-heading">
            <IconCircleCheck
              size={24}
              aria-hidden
              style={{ verticalAlign: 'text-bottom', color: 'var(--mantine-color-green-8)' }}
            />{' '}
            Thank you for telling us
          </Title>
          <Text>
            Your prescriber will see this{report.medication ? ` about ${report.medication.name}` : ''} and get
            back to you. You will find their answer under My side-effect reports, and any message in your
            messages.
          </Text>
          {advice.doNotStopSuddenly && (
            <Text fw={600}>
              Please do not stop {report.medication ? 'this medication' : 'a medication'} suddenly without
              talking to your prescriber first: stopping all at once can make you feel worse.
            </Text>
          )}
          {guide && (
            <GuideLink guideKey={guide.key}>{`What to expect from ${guide.title.toLowerCase()}`}</GuideLink>
          )}
          <Group gap="sm">
            <Button component={Link} to="/home/side-effects" variant={showAdvice ? 'default' : 'filled'}>
              My side-effect reports
            </Button>
            <Button component={Link} to="/home" variant="default">
              Back to home
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/**
 * Issue 17: a report made offline waits on the phone and is sent when the network is back (the bar at the top
 * says "Waiting to send"). Nobody has read it yet, and the advice for urgent symptoms comes from the server,
 * so the patient is told plainly and the emergency numbers (kept on the phone) are right here.
 */
function SavedOnPhone({ patientId }: { patientId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Stack gap="lg">
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-labelledby="saved-heading"
        ref={ref}
        tabIndex={-1}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="saved-heading">
            Saved on this phone
          </Title>
          <Text>
            You are offline. Your report will be sent to your prescriber as soon as your phone is back online;
            until then nobody at the clinic can see it.
          </Text>
          <Text fw={600}>If you feel very unwell, do not wait for it: call for help now.</Text>
          <CrisisResources patientId={patientId} situation="physical_emergency" />
          <Group gap="sm">
            <Button component={Link} to="/home" variant="default">
              Back to home
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** One tickable symptom. */
function SymptomChoice({
  code,
  checked,
  onToggle,
  hint,
}: {
  code: SymptomCode;
  checked: boolean;
  onToggle: (code: SymptomCode) => void;
  hint?: string;
}) {
  return (
    <label className={classes.choice}>
      <input type="checkbox" name="symptoms" value={code} checked={checked} onChange={() => onToggle(code)} />
      <span>
        {symptomLabels[code]}
        {hint && <span className={classes.hint}>{hint}</span>}
      </span>
    </label>
  );
}

function ReportForm({ patientId, medications }: { patientId: string; medications: SuspectableMedication[] }) {
  const [id] = useState(newClientId);
  const [medication, setMedication] = useState<string>(
    medications.length === 1 ? (medications[0]?.id ?? '') : '',
  );
  const [symptoms, setSymptoms] = useState<SymptomCode[]>([]);
  const [otherText, setOtherText] = useState('');
  const [severity, setSeverity] = useState<SeverityValue | null>(null);
  const [interference, setInterference] = useState<number | null>(null);
  const [wantsToStop, setWantsToStop] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const problemsRef = useRef<HTMLDivElement>(null);
  const submit = useSubmitSideEffectReport(patientId);

  useEffect(() => {
    if (problems.length > 0) problemsRef.current?.focus();
  }, [problems]);

  if (submit.data) return <Sent result={submit.data} patientId={patientId} />;
  if (submit.isSuccess) return <SavedOnPhone patientId={patientId} />;

  // The urgent symptoms of each medication the patient takes come first (medication-safety.md section 4).
  const important = symptomCodes.filter((c) => medications.some((m) => m.urgentSymptoms.includes(c)));
  const common = commonSymptomCodes.filter((c) => !important.includes(c));
  const rarer = symptomCodes.filter((c) => !important.includes(c) && !commonSymptomCodes.includes(c));
  const medicationsWith = (code: SymptomCode) =>
    medications
      .filter((m) => m.urgentSymptoms.includes(code))
      .map((m) => m.name)
      .join(', ');

  const toggle = (code: SymptomCode) =>
    setSymptoms((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const missing: string[] = [];
    if (medication === '') missing.push('Choose the medication you think is causing it, or "Not sure".');
    if (symptoms.length === 0 && otherText.trim() === '')
      missing.push('Tick at least one symptom or describe it in your own words.');
    if (severity === null) missing.push('Choose how bad it is.');
    if (interference === null) missing.push('Choose how much it gets in the way of your day.');
    setProblems(missing);
    if (missing.length > 0 || severity === null || interference === null) return;
    submit.mutate({
      id,
      medicationId: medication === NOT_SURE ? null : medication,
      symptoms,
      otherText: otherText.trim(),
      severity,
      interference,
      wantsToStop,
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xl">
        {problems.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title="A few things are missing"
            role="alert"
            ref={problemsRef}
            tabIndex={-1}
          >
            <Stack gap={4}>
              {problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}

        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>Which medication do you think is causing it?</legend>
          <div className={classes.choices}>
            {medications.map((m) => (
              <label key={m.id} className={classes.choice}>
                <input
                  type="radio"
                  name="medication"
                  value={m.id}
                  checked={medication === m.id}
                  onChange={() => setMedication(m.id)}
                />
                <span>
                  {m.name}
                  {doseWords(m) && <span className={classes.hint}>{doseWords(m)} now</span>}
                </span>
              </label>
            ))}
            <label className={classes.choice}>
              <input
                type="radio"
                name="medication"
                value={NOT_SURE}
                checked={medication === NOT_SURE}
                onChange={() => setMedication(NOT_SURE)}
              />
              <span>Not sure</span>
            </label>
          </div>
        </fieldset>

        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>What have you noticed? Tick all that apply.</legend>
          {important.length > 0 && (
            <div className={classes.important} role="group" aria-labelledby="important-symptoms">
              <p className={classes.groupTitle} id="important-symptoms">
                Important with your medicines: tell us at once
              </p>
              <div className={`${classes.choices} ${classes.two}`}>
                {important.map((code) => (
                  <SymptomChoice
                    key={code}
                    code={code}
                    checked={symptoms.includes(code)}
                    onToggle={toggle}
                    hint={`With ${medicationsWith(code)}`}
                  />
                ))}
              </div>
            </div>
          )}
          {[
            { id: 'common-symptoms', title: 'Common side effects', codes: common },
            { id: 'other-symptoms', title: 'Less common, but important', codes: rarer },
          ].map((group) => (
            <div key={group.id} role="group" aria-labelledby={group.id}>
              <p className={classes.groupTitle} id={group.id}>
                {group.title}
              </p>
              <div className={`${classes.choices} ${classes.two}`}>
                {group.codes.map((code) => (
                  <SymptomChoice key={code} code={code} checked={symptoms.includes(code)} onToggle={toggle} />
                ))}
              </div>
            </div>
          ))}
        </fieldset>

        <Textarea
          label="Anything else? Describe it in your own words"
          description="Optional. When it started, when it happens, what helps."
          autosize
          minRows={3}
          maxLength={2000}
          size="md"
          value={otherText}
          onChange={(e) => setOtherText(e.currentTarget.value)}
        />

        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>How bad is it?</legend>
          <div className={classes.choices}>
            {severityOptions.map((o) => (
              <label key={o.value} className={classes.choice}>
                <input
                  type="radio"
                  name="severity"
                  value={o.value}
                  checked={severity === o.value}
                  onChange={() => setSeverity(o.value)}
                />
                <span>
                  {o.label}
                  <span className={classes.hint}>{o.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className={classes.fieldset} aria-describedby="interference-note">
          <legend className={classes.legend}>How much does it get in the way of your daily life?</legend>
          <Text size="sm" c="dimmed" id="interference-note" mb="xs">
            From 0 (not at all) to 6. This is Duet’s own scale, not a medical test.
          </Text>
          <div className={classes.choices}>
            {interferenceAnchors.map((a) => (
              <label key={a.value} className={classes.choice}>
                <input
                  type="radio"
                  name="interference"
                  value={a.value}
                  checked={interference === a.value}
                  onChange={() => setInterference(a.value)}
                />
                <span>
                  <strong>{a.value}</strong> – {a.label}
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <label className={classes.choice}>
          <input
            type="checkbox"
            name="wantsToStop"
            checked={wantsToStop}
            onChange={(e) => setWantsToStop(e.currentTarget.checked)}
          />
          <span>I want to stop or change this medication</span>
        </label>

        {submit.isError && (
          <Alert color="red" role="alert" title="Not sent yet">
            {errorMessage(submit.error)} Your answers are still here: try again.
          </Alert>
        )}

        <Button type="submit" size="lg" loading={submit.isPending}>
          Send to my prescriber
        </Button>
      </Stack>
    </form>
  );
}

/** /home/side-effects/new: the patient's side-effect report (care-rules.md "Side effects": our own form). */
export function ReportSideEffectsPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const form = useReportForm(patientId);
  return (
    <Stack gap="lg" maw={720}>
      <BackLink />
      <div>
        <PageTitle documentTitle="Report side effects">Tell your prescriber about side effects</PageTitle>
        <Text c="dimmed">
          Side effects are common and there is often something that helps. Your prescriber reads this and gets
          back to you.
        </Text>
      </div>
      {form.isPending && <LoadingState label="Loading your medications…" />}
      {form.isError && <ErrorState error={form.error} onRetry={() => void form.refetch()} />}
      {form.data && <ReportForm patientId={patientId} medications={form.data.medications} />}
    </Stack>
  );
}
