import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { isApiError } from '../../app/api-client';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { useAddOtherName, useOtherNames, useRemoveOtherName } from './clinic-safety-api';

/** The message at `body.name` of a refused request (400 or 409), else the request's message. */
function nameError(error: unknown): string | undefined {
  if (!error) return undefined;
  if (isApiError(error) && Array.isArray(error.details)) {
    const at = (error.details as { path?: unknown; message?: unknown }[]).find((d) => d.path === 'body.name');
    if (typeof at?.message === 'string') return at.message;
  }
  return errorMessage(error);
}

/**
 * Other names of a catalogue entry (issue 11): a national brand or a local name the clinic adds, so a
 * prescription typed with it resolves to this entry (dose checks, monitoring, guides, urgent symptoms).
 * Each name says it is the clinic's, who added it and when. Saved at once, apart from the entry's form.
 */
export function CatalogueOtherNames({ entryId, genericName }: { entryId: string; genericName: string }) {
  const names = useOtherNames();
  const add = useAddOtherName();
  const remove = useRemoveOtherName();
  const [name, setName] = useState('');
  const own = (names.data ?? []).filter((n) => n.catalogueId === entryId);

  const submit = () => {
    if (name.trim() === '') return;
    add.mutate(
      { entryId, name },
      {
        onSuccess: (added) => {
          setName('');
          const linked = added.linkedRecords ?? 0;
          notifications.show({
            color: 'green',
            title: `Name added: ${added.name}`,
            message:
              linked === 0
                ? `Recorded by this name, a medicine is now read as ${genericName}.`
                : `${String(linked)} ${linked === 1 ? 'record' : 'records'} typed by this name now use ${genericName} (monitoring, guide and urgent symptoms).`,
          });
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The field sits inside the entry's form: Enter adds the name instead of saving the entry.
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby={`other-names-${entryId}`}>
      <Title order={4} id={`other-names-${entryId}`}>
        Other names
      </Title>
      <Text size="sm" c="dimmed">
        Brand or local names the clinic uses for {genericName}. A medicine recorded by one of these names is
        read as {genericName}. Duet already knows the common brands; added names are saved at once.
      </Text>
      {own.length === 0 ? (
        <Text size="sm">No names added by the clinic.</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {own.map((n) => (
            <Group key={n.id} component="li" gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {n.name}
              </Text>
              <SoftBadge size="xs" color="grape">
                added by the clinic: {n.addedBy.name}, {formatDateTime(n.addedAt)}
              </SoftBadge>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={remove.isPending && remove.variables.nameId === n.id}
                onClick={() => remove.mutate({ entryId, nameId: n.id })}
                aria-label={`Remove the name ${n.name}`}
              >
                Remove
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Group align="flex-start" gap="xs">
        <TextInput
          label="Add a name"
          placeholder="e.g. a national brand"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={nameError(add.error)}
          maw={280}
        />
        <Button
          mt={25}
          variant="light"
          onClick={submit}
          loading={add.isPending}
          disabled={name.trim() === ''}
        >
          Add name
        </Button>
      </Group>
      {remove.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
    </Stack>
  );
}
