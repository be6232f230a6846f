import { Alert, Button, Code, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ApiClient } from '../../../shared/fhir/api-clients';
import { errorMessage } from '../../components/query-state';
import { useSetApiClientKeys } from './api-clients-api';
import { JWKS_HELP, jwksError, parseJwksText } from './api-clients-keys-text';

/** The client's registered public keys, and a place to paste a new set or remove them. */
export function PublicKeys({ client }: { client: ApiClient }) {
  const save = useSetApiClientKeys();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const serverError = jwksError(save.error);
  const submit = () => {
    const parsed = parseJwksText(text);
    if (!parsed.ok) {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(null);
    save.mutate(
      { client, jwks: parsed.value },
      {
        onSuccess: () => {
          setEditing(false);
          setText('');
        },
      },
    );
  };
  return (
    <Stack gap={4}>
      <Text size="sm">
        {client.publicKeys.length === 0 ? (
          'No public keys: the client signs in with its secret.'
        ) : (
          <>
            Public keys (private_key_jwt):{' '}
            {client.publicKeys.map((k) => (
              <Code key={k.kid} mr={4}>
                {k.kid} · {k.alg}
              </Code>
            ))}
          </>
        )}
      </Text>
      {save.isError && !serverError && <Alert color="red">{errorMessage(save.error)}</Alert>}
      {editing ? (
        <Stack gap="xs">
          <Textarea
            label="Public keys (JWK Set JSON)"
            description={JWKS_HELP}
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={localError ?? serverError}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group gap="xs">
            <Button size="xs" loading={save.isPending} onClick={submit}>
              Save keys
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        client.status === 'active' && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {client.publicKeys.length === 0 ? 'Add public keys' : 'Replace public keys'}
            </Button>
            {client.publicKeys.length > 0 && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={save.isPending}
                onClick={() => save.mutate({ client, jwks: null })}
              >
                Remove public keys
              </Button>
            )}
          </Group>
        )
      )}
    </Stack>
  );
}
