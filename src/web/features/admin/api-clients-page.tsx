import { Alert, Button, Card, Code, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea, TextInput } from '../../components/limited-text';
import { useSchemaForm } from '../../lib/schema-form';
import { useState, type SubmitEvent } from 'react';
import {
  newApiClientSchema,
  type ApiClient,
  type ApiClientWithSecret,
} from '../../../shared/fhir/api-clients';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useStaffUsers } from './api';
import { useApiClients, useCreateApiClient, useRevokeApiClient, useRotateApiClient } from './api-clients-api';
import { PublicKeys } from './api-clients-keys';
import { JWKS_HELP, keyedJwksError, parseJwksText } from './api-clients-keys-text';

/** The secret, shown once after creating or rotating: only its hash is kept. */
function SecretOnce({ shown, onDone }: { shown: ApiClientWithSecret; onDone: () => void }) {
  return (
    <Alert color="yellow" title={`Secret of ${shown.client.name}`} role="status">
      <Stack gap="xs">
        <Text size="sm">
          Copy it now into the integration: Duet shows it this once and cannot show it again.
        </Text>
        <Text size="sm">
          Client id: <Code style={{ wordBreak: 'break-all' }}>{shown.client.id}</Code>
        </Text>
        <Text size="sm">
          Client secret: <Code style={{ wordBreak: 'break-all' }}>{shown.clientSecret}</Code>
        </Text>
        <Group>
          <Button size="xs" variant="light" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

type NewClientValues = { name: string; scopes: string; team: string[]; jwksText: string };

/** The request built from the form; a key set that is not JSON is left out here and refused at its field. */
function newClientPayload(v: NewClientValues) {
  const jwks = v.jwksText.trim() === '' ? null : parseJwksText(v.jwksText);
  return {
    name: v.name,
    scopes: v.scopes,
    ...(v.team.length > 0 ? { teamMemberIds: v.team } : {}),
    ...(jwks?.ok ? { jwks: jwks.value } : {}),
  };
}

function jwksTextProblem(v: NewClientValues): Record<string, string> {
  const jwks = v.jwksText.trim() === '' ? null : parseJwksText(v.jwksText);
  return jwks && !jwks.ok ? { jwksText: jwks.message } : {};
}

const INITIAL: NewClientValues = {
  name: '',
  scopes: 'system/Observation.rs system/Patient.r',
  team: [],
  jwksText: '',
};

function NewClientForm({ onCreated }: { onCreated: (made: ApiClientWithSecret) => void }) {
  const create = useCreateApiClient();
  const staff = useStaffUsers();
  // Checked with the route's own schema (newApiClientSchema: the scopes and the key set as the server
  // reads them) before anything is sent; each problem at its field (issue 17).
  const form = useSchemaForm({
    schema: newApiClientSchema,
    initialValues: INITIAL,
    toPayload: newClientPayload,
    fieldOf: { teamMemberIds: 'team', jwks: 'jwksText' },
    moreErrors: jwksTextProblem,
  });
  const clinicians = (staff.data ?? [])
    .filter((u) => u.role !== 'admin' && u.status === 'active')
    .map((u) => ({ value: u.id, label: u.name }));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    create.reset();
    // Sent as the schema reads it (the browser's check passed, so this parse cannot fail).
    form.submit((payload) =>
      create.mutate(newApiClientSchema.parse(payload), {
        onSuccess: (made) => {
          onCreated(made);
          form.reset({ ...form.values, name: '', team: [], jwksText: '' });
        },
        onError: (error) => form.setServerErrors(error),
      }),
    );
  };
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');
  const keys = form.getInputProps('jwksText');
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          New API client
        </Title>
        <TextInput label="Name of the integration" required maxLength={120} {...form.getInputProps('name')} />
        <TextInput
          label="Scopes (SMART v2)"
          description="Space-separated, e.g. system/Observation.rs system/Patient.r; system/*.rs reads everything."
          required
          maxLength={2000}
          {...form.getInputProps('scopes')}
        />
        <MultiSelect
          label="Only patients of these clinicians (optional)"
          description="Leave empty for the whole clinic."
          data={clinicians}
          {...form.getInputProps<string[]>('team')}
          searchable
        />
        <Textarea
          label="Public keys (JWK Set JSON)"
          description={JWKS_HELP}
          autosize
          minRows={2}
          {...keys}
          error={keyedJwksError(form.errors, 'jwksText') ?? keys.error}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {create.isError && !fieldsMarked && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Create API client
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ClientCard({
  client,
  onRotated,
}: {
  client: ApiClient;
  onRotated: (made: ApiClientWithSecret) => void;
}) {
  const rotate = useRotateApiClient();
  const revoke = useRevokeApiClient();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const active = client.status === 'active';
  return (
    <Card component="li" withBorder radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{client.name}</Text>
          <SoftBadge color={active ? 'green' : 'gray'}>{active ? 'Active' : 'Revoked'}</SoftBadge>
        </Group>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          Scopes: <Code>{client.scopes}</Code>
        </Text>
        <Text size="sm">
          {client.teamMembers.length === 0
            ? 'Reaches every patient of the clinic.'
            : `Only patients of: ${client.teamMembers.map((m) => m.name).join(', ')}.`}
        </Text>
        <PublicKeys client={client} />
        <Text size="xs" c="dimmed">
          Created {formatDateTime(client.createdAt)} · secret set {formatDateTime(client.secretRotatedAt)}
          {client.revokedAt !== null && ` · revoked ${formatDateTime(client.revokedAt)}`}
        </Text>
        {(rotate.isError || revoke.isError) && (
          <Alert color="red">{errorMessage(rotate.error ?? revoke.error)}</Alert>
        )}
        {active && (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="light"
              loading={rotate.isPending}
              onClick={() => rotate.mutate(client, { onSuccess: onRotated })}
            >
              New secret
            </Button>
            {confirmRevoke ? (
              <>
                <Button
                  size="xs"
                  color="red"
                  loading={revoke.isPending}
                  onClick={() => revoke.mutate(client)}
                >
                  Revoke for good
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setConfirmRevoke(false)}>
                  Keep it
                </Button>
              </>
            ) : (
              <Button size="xs" variant="light" color="red" onClick={() => setConfirmRevoke(true)}>
                Revoke
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** API clients (issue 16): integrations that read and write through Duet's FHIR API with a bearer token. */
export function ApiClientsPage() {
  const clients = useApiClients();
  const [shown, setShown] = useState<ApiClientWithSecret | null>(null);
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>API clients</PageTitle>
        <Text c="dimmed">
          An EHR or screening tool connects to Duet&apos;s FHIR API with a client id and secret, or with a JWT
          signed by a key it registered (OAuth 2.0 client credentials; SMART Backend Services). Every read and
          write it makes is recorded in the patient&apos;s access report.
        </Text>
      </div>
      {shown && <SecretOnce shown={shown} onDone={() => setShown(null)} />}
      <NewClientForm onCreated={setShown} />
      {clients.isPending && <LoadingState label="Loading API clients…" />}
      {clients.isError && <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />}
      {clients.data?.length === 0 && <Text c="dimmed">No API clients yet.</Text>}
      {clients.data && clients.data.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {clients.data.map((c) => (
            <ClientCard key={c.id} client={c} onRotated={setShown} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
