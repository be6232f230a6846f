import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { useState } from 'react';
import { skipReasonLabels, skipReasons, type SkipReason } from './words';

/** The reasons for skipping a dose, as big buttons; "Something else" asks for a few words. */
export function SkipReasons({
  label,
  onChoose,
  onCancel,
  busy,
}: {
  label: string;
  onChoose: (reason: SkipReason, note?: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const [other, setOther] = useState(false);
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs" role="group" aria-label={`Why was ${label} skipped?`}>
      <Text fw={600} size="sm">
        Why did you skip it?
      </Text>
      {!other ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {skipReasons.map((reason) => (
            <Button
              key={reason}
              variant="default"
              size="md"
              disabled={busy}
              onClick={() => {
                if (reason === 'other') setOther(true);
                else onChoose(reason);
              }}
            >
              {skipReasonLabels[reason]}
            </Button>
          ))}
        </SimpleGrid>
      ) : (
        <TextInput
          label="What happened? (optional)"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
          size="md"
        />
      )}
      <Group gap="xs" justify="flex-end">
        <Button variant="subtle" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {other && (
          <Button onClick={() => onChoose('other', note.trim() || undefined)} loading={busy}>
            Save
          </Button>
        )}
      </Group>
    </Stack>
  );
}
