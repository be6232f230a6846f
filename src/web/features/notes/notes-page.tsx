import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { NoteFormat, ProgressNote } from '../../../shared/notes/schemas';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { formatDay } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { fullName } from '../../components/format';
import { newClientId } from '../messaging/api';
import { usePatient } from '../patients/api';
import { AddendumForm } from './addendum-form';
import { useCreateProgressNote, useProgressNotes, useProgressNotesCut } from './api';
import { MyPsychotherapyNotes } from './psychotherapy-notes';
import { ProgressNoteEditor } from './progress-note-editor';
import { NoteView } from './note-view';
import { shortFormat, todayLocal } from './note-words';
import classes from './notes.module.css';

function NoteListItem({
  note,
  selected,
  onSelect,
}: {
  note: ProgressNote;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <UnstyledButton
      className={classes.item}
      data-selected={selected || undefined}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={700}>
          {formatDay(note.sessionDate)}
        </Text>
        {note.status === 'signed' ? (
          <SoftBadge color="green">Signed</SoftBadge>
        ) : (
          <SoftBadge color="yellow">Draft</SoftBadge>
        )}
      </Group>
      <Text size="sm" lineClamp={1}>
        {note.content.focus.trim() || 'No focus written yet'}
      </Text>
      <Text size="xs" c="dimmed">
        {shortFormat[note.format]} · {note.author.name}
        {note.addenda.length > 0
          ? ` · ${String(note.addenda.length)} addend${note.addenda.length === 1 ? 'um' : 'a'}`
          : ''}
      </Text>
    </UnstyledButton>
  );
}

/** Starts a draft, for a session when the page was opened from one. */
function NewNote({
  patientId,
  session,
  onCreated,
}: {
  patientId: string;
  session: { appointmentId: string; day: string } | null;
  onCreated: (id: string) => void;
}) {
  const create = useCreateProgressNote(patientId);
  const [id] = useState(newClientId);
  const start = (format: NoteFormat) =>
    create.mutate(
      {
        id,
        appointmentId: session?.appointmentId ?? null,
        sessionDate: session?.day ?? todayLocal(),
        format,
        content: {},
      },
      { onSuccess: (note) => onCreated(note.id) },
    );
  return (
    <Stack gap="xs">
      <Text size="sm">
        {session
          ? `Start the note for the session on ${formatDay(session.day)}:`
          : 'Start a progress note (for a contact that was not scheduled, or pick the session from the appointments list):'}
      </Text>
      <Group gap="xs">
        <Button onClick={() => start('soap')} loading={create.isPending}>
          New SOAP note
        </Button>
        <Button variant="default" onClick={() => start('dap')} loading={create.isPending}>
          New DAP note
        </Button>
      </Group>
      {create.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(create.error)}
        </Alert>
      )}
    </Stack>
  );
}

function ProgressNotes({ patientId }: { patientId: string }) {
  const user = useCurrentUser();
  const notes = useProgressNotes(patientId);
  const cut = useProgressNotesCut(patientId);
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session');
  const sessionDay = params.get('day');
  const session = sessionId && sessionDay ? { appointmentId: sessionId, day: sessionDay } : null;

  if (notes.isPending) return <LoadingState label="Loading progress notes…" />;
  if (notes.isError) return <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />;

  const list = notes.data;
  const forSession = session ? list.find((n) => n.appointmentId === session.appointmentId) : undefined;
  const selectedId = params.get('note') ?? forSession?.id ?? null;
  const selected = list.find((n) => n.id === selectedId) ?? null;
  const select = (id: string) => setParams({ note: id });
  const showNew = selected === null;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="xs" component="nav" aria-label="Progress notes">
          <Button variant="light" onClick={() => setParams({})} disabled={showNew && !session}>
            New progress note
          </Button>
          {cut && (
            <Text size="sm" c="dimmed">
              Showing the latest {list.length} notes (every draft); older signed notes are not listed.
            </Text>
          )}
          {list.length === 0 && (
            <Text size="sm" c="dimmed">
              No progress notes yet.
            </Text>
          )}
          {list.map((n) => (
            <NoteListItem
              key={n.id}
              note={n}
              selected={n.id === selected?.id}
              onSelect={() => select(n.id)}
            />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder radius="md" p="md">
          {showNew && (
            <NewNote patientId={patientId} session={forSession ? null : session} onCreated={select} />
          )}
          {selected?.status === 'draft' && selected.author.id === user.id && (
            <ProgressNoteEditor key={selected.id} patientId={patientId} note={selected} />
          )}
          {selected?.status === 'draft' && selected.author.id !== user.id && (
            <Stack gap="sm">
              <Alert color="yellow" variant="light">
                A draft by {selected.author.name}: only they can change or sign it.
              </Alert>
              <NoteView note={selected} />
            </Stack>
          )}
          {selected?.status === 'signed' && (
            <Stack gap="md">
              <NoteView note={selected} />
              <AddendumForm patientId={patientId} noteId={selected.id} />
            </Stack>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

/** The clinician's notes for one patient: progress notes (the record) and their own private notes. */
export function NotesPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const [tab, setTab] = useState<string | null>('progress');
  const name = patient.data ? fullName(patient.data) : '';
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name || 'Patient'}
      </Anchor>
      <PageTitle documentTitle={name ? `Notes · ${name}` : 'Notes'}>
        {name ? `Notes: ${name}` : 'Notes'}
      </PageTitle>
      {patient.isError && <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="progress">Progress notes</Tabs.Tab>
          <Tabs.Tab value="private" leftSection={<IconLock size={14} aria-hidden />}>
            My psychotherapy notes (private)
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="progress" pt="md">
          <ProgressNotes patientId={patientId} />
        </Tabs.Panel>
        <Tabs.Panel value="private" pt="md">
          <MyPsychotherapyNotes patientId={patientId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
