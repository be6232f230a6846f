import { Paper, Stack, Text } from '@mantine/core';
import { useCurrentUser } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useProgressNotes, useProgressNotesCut } from './api';
import { NoteView } from './note-view';

/**
 * The patient's session notes: the signed progress notes of their sessions, as the team wrote them,
 * with any addenda (the right of access). Drafts are not sent to the patient at all.
 */
export function PatientNotesPage() {
  const user = useCurrentUser();
  const notes = useProgressNotes(user.patientId ?? '');
  const cut = useProgressNotesCut(user.patientId ?? '');
  return (
    <Stack gap="md">
      <PageTitle>Session notes</PageTitle>
      <Text size="md">
        These are the notes your care team wrote after your sessions. If something here is not right, tell
        your team: they can add a correction.
      </Text>
      {cut && notes.data && (
        <Text size="sm" c="dimmed">
          Showing the latest {notes.data.length} notes; older ones are not listed here. Ask your team for
          them.
        </Text>
      )}
      {notes.isPending && <LoadingState label="Loading your session notes…" />}
      {notes.isError && <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data?.length === 0 && (
        <Text size="md" c="dimmed">
          There are no session notes yet. They appear here once your clinician has signed them.
        </Text>
      )}
      {notes.data?.map((n) => (
        <Paper key={n.id} withBorder radius="md" p="md" component="article">
          <NoteView note={n} forPatient />
        </Paper>
      ))}
    </Stack>
  );
}
