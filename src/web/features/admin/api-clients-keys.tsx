import { Alert, Button, Code, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ApiClient } from '../../../shared/fhir/api-clients';
import type { JwkSet } from '../../../shared/fhir/jwks';
import { errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { useSetApiClientKeys } from './api-clients-api';

/**
 * The pasted JWK Set as an object, or the reason it is not JSON. Its shape (public RS384 / ES384 keys with a kid)
 * is checked by the server, which names the key at fault.
 */
export function parseJwksText(text: string): { ok: true; value: JwkSet } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('keys' in value))
      return { ok: false, message: 'Paste a JWK Set: {"keys": [ … ]}.' };
    return { ok: true, value: value as JwkSet };
  } catch {
    return { ok: false, message: 'This is not JSON. Paste the JWK Set as the integration gives it.' };
  }
}

/** The server's message about the key set, naming the key (1-based) when it names one. */
export function jwksError(error: unknown): string | undefined {
  const errors = fieldErrorsFrom(error);
  const keyPath = Object.keys(errors).find((k) => /^jwks\.keys\.\d+$/.test(k));
  if (keyPath !== undefined)
    return `Key ${String(Number(keyPath.split('.')[2]) + 1)}: ${errors[keyPath] ?? ''}`;
  return errors.jwks;
}

export const JWKS_HELP =
  'Optional. For private_key_jwt (SMART Backend Services): the public keys as a JWK Set, RSA (RS384, 2048 bits or more) or EC P-384 (ES384), each with a kid.';

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
