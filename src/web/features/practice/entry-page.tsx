import { Alert, Anchor, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError, type ApiError } from '../../app/api-client';
import { useCurrentUser } from '../../app/session';
import type { PracticeContent, PracticeContentByType } from '../../../shared/practice/content';
import { practiceKind } from '../../../shared/practice/library';
import { entryRisk } from '../../../shared/practice/risk';
import type { PracticeAssignment, PracticeEntry } from '../../../shared/practice/schemas';
import type { Sharing } from '../../../shared/practice/sharing';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { formatTime } from '../../components/format';
import { fieldErrorsFrom, plainWords } from '../../components/validation-details';
import { practiceKeys, usePracticeEntry, usePracticeOverview } from './api';
import { ActivityLogForm } from './activity-log-form';
import { CommentList } from './comments';
import { DiaryCardForm } from './diary-card-form';
import { forSaving, initialContent } from './entry-content';
import { EntryView } from './entry-view';
import { EntryCrisis } from './entry-crisis';
import { FreeFormForm } from './free-form-form';
import { IptLogForm } from './ipt-log-form';
import { SharingChoice } from './sharing-choice';
import { ThoughtRecordForm } from './thought-record-form';
import { useAutosave, type SaveState } from './use-autosave';

/** The messages of a validation answer's details ({ path, message }[]), or its message. */
function detailMessages(details: unknown, fallback: string): string[] {
  if (!Array.isArray(details)) return [fallback];
  const out = details.flatMap((d: unknown) =>
    typeof d === 'object' && d !== null && typeof (d as { message?: unknown }).message === 'string'
      ? [(d as { message: string }).message]
      : [],
  );
  return out.length > 0 ? out : [fallback];
}

const back = (
  <Anchor component={Link} to="/home/practice" size="sm">
    <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> My practice
  </Anchor>
);

/** The patient fills in one entry: /home/practice/:assignmentId/:entryId (the id is made by the phone). */
export function PracticeEntryPage() {
  const { assignmentId = '', entryId = '' } = useParams();
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const overview = usePracticeOverview(patientId);
  const entry = usePracticeEntry(patientId, entryId);
  const isNew = entry.isError && isApiError(entry.error, 'not_found');

  if (overview.isPending || (entry.isPending && !isNew))
    return <LoadingState label="Opening your practice…" />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  if (entry.isError && !isNew) return <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />;
  const assignment = overview.data.assignments.find((a) => a.id === assignmentId);
  if (!assignment || (entry.data && entry.data.assignmentId !== assignmentId))
    return (
      <NotFoundPage
        title="Practice not found"
        message="This practice is not on your list."
        backTo="/home/practice"
        backLabel="My practice"
      />
    );
  if (entry.data?.status === 'done')
    return <DoneEntry patientId={patientId} assignment={assignment} entry={entry.data} />;
  return (
    <EntryEditor
      key={entryId}
      patientId={patientId}
      entryId={entryId}
      assignment={assignment}
      initial={entry.data ?? null}
      today={overview.data.today}
    />
  );
}

// Mantine's orange.9 is 4.1:1 on the page's grey; this darker orange is 6.5:1 (WCAG AA for small text).
const WARN_TEXT = '#9c3d00';

function SaveStatus({
  state,
  savedAt,
  refusal,
}: {
  state: SaveState;
  savedAt: number | null;
  refusal?: ApiError | null;
}) {
  const why = refusal ? (Object.values(fieldErrorsFrom(refusal))[0] ?? plainWords(refusal.message)) : '';
  const words: Record<SaveState, string> = {
    idle: 'Saved as you go',
    saving: 'Saving…',
    saved: savedAt ? `Saved at ${formatTime(savedAt)}` : 'Saved',
    offline: 'Saved on this phone: it will be sent when you are back online.',
    replaced: 'This entry was changed on another device; showing that version.',
    refused: `Not saved: ${why}`,
  };
  const warn = state === 'offline' || state === 'replaced' || state === 'refused';
  return (
    <Text
      size="sm"
      c={state === 'refused' ? 'red.9' : warn ? WARN_TEXT : 'dark.4'}
      fw={state === 'refused' ? 600 : undefined}
      role="status"
      aria-live="polite"
    >
      {words[state]}
    </Text>
  );
}

function EntryEditor({
  patientId,
  entryId,
  assignment,
  initial,
  today,
}: {
  patientId: string;
  entryId: string;
  assignment: PracticeAssignment;
  initial: PracticeEntry | null;
  today: string;
}) {
  const kind = practiceKind(assignment.type);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [content, setContent] = useState<PracticeContent>(initial?.content ?? initialContent(assignment));
  const [sharing, setSharing] = useState<Sharing>(initial?.sharing ?? assignment.defaultSharing);
  const [day, setDay] = useState(initial?.day ?? today);
  const [problems, setProblems] = useState<string[]>([]);
  const [finishing, setFinishing] = useState(false);
  // Every save lands in the query cache, so coming back to this entry opens what was saved, not a blank form.
  const remember = (saved: PracticeEntry) => {
    queryClient.setQueryData(practiceKeys.entry(patientId, entryId), saved);
    // The first save makes a draft the practice list offers to continue.
    if (saved.version === 1)
      void queryClient.invalidateQueries({ queryKey: practiceKeys.overview(patientId) });
  };
  const autosave = useAutosave(
    patientId,
    initial?.version,
    (current) => {
      setContent(current.content);
      setSharing(current.sharing);
      setDay(current.day);
    },
    remember,
  );

  const payload = (next: { content?: PracticeContent; sharing?: Sharing; day?: string }, done = false) => ({
    entryId,
    assignmentId: assignment.id,
    content: forSaving(assignment.type, next.content ?? content),
    sharing: next.sharing ?? sharing,
    day: next.day ?? day,
    done,
  });
  const change = (next: { content?: PracticeContent; sharing?: Sharing; day?: string }) => {
    if (next.content) setContent(next.content);
    if (next.sharing) setSharing(next.sharing);
    if (next.day) setDay(next.day);
    setProblems([]);
    autosave.schedule(payload(next));
  };

  // A refused save names its field: the day is on this page; the form's own fields are in the status line.
  const dayError = fieldErrorsFrom(autosave.refusal).day;

  // Issue 12: a risk of self-harm shows the crisis numbers at once; after Done the page stays on the entry
  // (with the numbers and safety plan), never a "Well done".
  const risk = entryRisk(assignment.type, content);
  const finish = async () => {
    setFinishing(true);
    try {
      await autosave.saveNow(payload({}, true));
      await queryClient.invalidateQueries({ queryKey: practiceKeys.all(patientId) });
      if (risk.length === 0) void navigate('/home/practice', { state: { done: kind.patientName } });
    } catch (error) {
      setProblems(
        isApiError(error, 'validation_failed')
          ? detailMessages(error.details, error.message).map(plainWords)
          : [isApiError(error) ? error.message : 'This could not be saved. Try again.'],
      );
    } finally {
      setFinishing(false);
    }
  };

  const form = (() => {
    const on = (c: PracticeContent) => change({ content: c });
    switch (assignment.type) {
      case 'thought_record':
        return <ThoughtRecordForm value={content as PracticeContentByType['thought_record']} onChange={on} />;
      case 'behavioural_activation':
        return (
          <ActivityLogForm value={content as PracticeContentByType['behavioural_activation']} onChange={on} />
        );
      case 'diary_card':
        return <DiaryCardForm value={content as PracticeContentByType['diary_card']} onChange={on} />;
      case 'ipt_log':
        return <IptLogForm value={content as PracticeContentByType['ipt_log']} onChange={on} />;
      case 'free_form':
        return (
          <FreeFormForm
            value={content as PracticeContentByType['free_form']}
            onChange={on}
            instructions={assignment.instructions}
          />
        );
    }
  })();

  return (
    <Stack gap="lg" maw={640}>
      {back}
      <div>
        <PageTitle>{kind.patientName}</PageTitle>
        <Text c="dimmed">{kind.forPatient}</Text>
        {assignment.instructions !== '' && assignment.type !== 'free_form' && (
          <Text size="sm" mt={4}>
            From your therapist: {assignment.instructions}
          </Text>
        )}
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14, fontWeight: 600 }}>
            {assignment.type === 'diary_card' ? 'Which day is this card for?' : 'Day'}
            <input
              type="date"
              value={day}
              max={today}
              aria-invalid={dayError !== undefined}
              aria-describedby={dayError !== undefined ? `day-error-${entryId}` : undefined}
              onChange={(e) => e.currentTarget.value && change({ day: e.currentTarget.value })}
              style={{
                minHeight: 44,
                fontSize: 16,
                padding: '4px 8px',
                borderRadius: 6,
                border: dayError !== undefined ? '2px solid var(--mantine-color-red-9)' : '1px solid #adb5bd',
              }}
            />
          </label>
          {dayError !== undefined && (
            <Text id={`day-error-${entryId}`} size="sm" c="red.9" role="alert">
              {dayError}
            </Text>
          )}
        </div>
        <SaveStatus state={autosave.state} savedAt={autosave.savedAt} refusal={autosave.refusal} />
      </Group>
      {form}
      <Paper withBorder p="md" radius="md">
        <SharingChoice
          value={sharing}
          suggested={assignment.defaultSharing}
          onChange={(s) => change({ sharing: s })}
        />
      </Paper>
      {risk.length > 0 && <EntryCrisis patientId={patientId} reasons={risk} sharing={sharing} sent={false} />}
      {problems.length > 0 && (
        <Alert color="orange" title="Almost there" role="alert">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Button
        size="lg"
        leftSection={<IconCheck size={20} aria-hidden />}
        loading={finishing}
        onClick={() => void finish()}
      >
        Done
      </Button>
      <Text size="sm" c="dimmed">
        Not finished? Your answers are saved; come back any time.
      </Text>
    </Stack>
  );
}

/** A finished entry: read it back, read the therapist's comments, change who can read it. */
function DoneEntry({
  patientId,
  assignment,
  entry,
}: {
  patientId: string;
  assignment: PracticeAssignment;
  entry: PracticeEntry;
}) {
  const queryClient = useQueryClient();
  const [sharing, setSharing] = useState(entry.sharing);
  const autosave = useAutosave(
    patientId,
    entry.version,
    (current) => setSharing(current.sharing),
    (saved) => queryClient.setQueryData(practiceKeys.entry(patientId, entry.id), saved),
  );
  const kind = practiceKind(assignment.type);
  const risk = entryRisk(entry.type, entry.content);
  return (
    <Stack gap="lg" maw={640}>
      {back}
      <PageTitle>{kind.patientName}</PageTitle>
      {risk.length > 0 && <EntryCrisis patientId={patientId} reasons={risk} sharing={sharing} sent />}
      <Paper withBorder p="md" radius="md">
        <EntryView entry={entry} />
      </Paper>
      <CommentList comments={entry.comments} />
      <Paper withBorder p="md" radius="md">
        <SharingChoice
          value={sharing}
          suggested={assignment.defaultSharing}
          onChange={(s) => {
            setSharing(s);
            void autosave
              .saveNow({
                entryId: entry.id,
                assignmentId: assignment.id,
                content: entry.content,
                sharing: s,
                done: true,
                day: entry.day,
              })
              .then(() => queryClient.invalidateQueries({ queryKey: practiceKeys.all(patientId) }))
              .catch(() => setSharing(entry.sharing));
          }}
        />
        <SaveStatus state={autosave.state} savedAt={autosave.savedAt} refusal={autosave.refusal} />
      </Paper>
    </Stack>
  );
}
