import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { PsychotherapyNote } from '../../../shared/notes/schemas';
import { useCurrentUser } from '../../app/session';
import { formatDateTime, formatDay } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useMyPsychotherapyNotes, useWritePsychotherapyNote } from './api';
import { todayLocal } from './note-words';

function NoteForm({
  patientId,
  note,
  onDone,
}: {
  patientId: string;
  note: PsychotherapyNote | null;
  onDone: () => void;
}) {
  const user = useCurrentUser();
  const write = useWritePsychotherapyNote(patientId, user.id);
  const [id] = useState(() => note?.id ?? newClientId());
  const [day, setDay] = useState(note?.sessionDate ?? todayLocal());
  const [text, setText] = useState(note?.text ?? '');
  const [showError, setShowError] = useState(false);
  return (
    <form
      noValidate
      aria-label={note ? 'Edit private note' : 'New private note'}
      onSubmit={(event) => {
        event.preventDefault();
        setShowError(true);
        if (text.trim() === '') return;
        write.mutate(
          note
            ? { kind: 'edit', id, version: note.version, text: text.trim() }
            : { kind: 'new', id, sessionDate: day, text: text.trim() },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        {!note && (
          <TextInput
            type="date"
            label="Session date"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value || day)}
            w={180}
          />
        )}
        <Textarea
          label="Private note"
          autosize
          minRows={4}
          maxLength={20000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={showError && text.trim() === '' ? 'Write the note.' : undefined}
        />
        {write.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(write.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={write.isPending}>
            Save private note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "My psychotherapy notes": the signed-in clinician's own private notes about this patient. The server
 * returns only the caller's notes, so this area is the same for everyone: it shows each person their own.
 */
export function MyPsychotherapyNotes({ patientId }: { patientId: string }) {
  const user = useCurrentUser();
  const notes = useMyPsychotherapyNotes(patientId, user.id);
  // A note id being edited, 'new' for the new-note form, or null.
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <Alert
        color="grape"
        variant="light"
        icon={<IconLock size={18} aria-hidden />}
        title="Private: only you can read these notes"
      >
        Psychotherapy notes are yours alone. They are not part of the patient&apos;s record: no one else on
        the care team, no admin and not the patient can open them, and they never appear in summaries,
        exports, searches or the access report. Put what the team needs in a progress note instead.
      </Alert>
      <Group justify="space-between">
        <Title order={2} size="h4">
          My psychotherapy notes
        </Title>
        {editing === null && (
          <Button size="sm" variant="default" onClick={() => setEditing('new')}>
            New private note
          </Button>
        )}
      </Group>
      {editing === 'new' && <NoteForm patientId={patientId} note={null} onDone={() => setEditing(null)} />}
      {notes.isPending && <LoadingState label="Loading your private notes…" />}
      {notes.isError && <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data?.hasMore === true && (
        <Text size="sm" c="dimmed">
          Showing your latest {notes.data.notes.length} notes; older ones are not listed.
        </Text>
      )}
      {notes.data?.notes.length === 0 && editing !== 'new' && (
        <Text size="sm" c="dimmed">
          You have no private notes about this patient.
        </Text>
      )}
      {notes.data?.notes.map((n) => (
        <Paper key={n.id} withBorder radius="md" p="md">
          {editing === n.id ? (
            <NoteForm patientId={patientId} note={n} onDone={() => setEditing(null)} />
          ) : (
            <Stack gap={4}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={700}>
                  Session on {formatDay(n.sessionDate)}
                </Text>
                {editing === null && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(n.id)}>
                    Edit
                  </Button>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
              <Text size="xs" c="dimmed">
                Last changed {formatDateTime(n.updatedAt)}
              </Text>
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
