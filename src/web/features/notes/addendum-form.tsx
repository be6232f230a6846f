import { Alert, Button, Group, Stack } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { useState } from 'react';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useAddAddendum } from './api';

/** The one way to correct or add to a signed note: an addendum, kept with who and when. */
export function AddendumForm({ patientId, noteId }: { patientId: string; noteId: string }) {
  const add = useAddAddendum(patientId);
  const [id, setId] = useState(newClientId);
  const [text, setText] = useState('');
  const [showError, setShowError] = useState(false);
  return (
    <form
      noValidate
      aria-label="Add an addendum"
      onSubmit={(event) => {
        event.preventDefault();
        setShowError(true);
        if (text.trim() === '') return;
        add.mutate(
          { noteId, body: { id, text: text.trim() } },
          {
            onSuccess: () => {
              setText('');
              setId(newClientId());
              setShowError(false);
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Textarea
          label="Add an addendum"
          description="Signed notes are locked. A correction or addition is kept below the note with your name and the time."
          autosize
          minRows={2}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={showError && text.trim() === '' ? 'Write the addendum.' : undefined}
        />
        {add.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(add.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={add.isPending}>
            Add addendum
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
