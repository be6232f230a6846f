import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useAddEntry, useEditEntry, useRemoveEntry, useSafetyProfile, type SafetyEntry } from './api';
import { EntryForm } from './entry-form';
import { EntryFacts, EntryProvenance } from './entry-summary';
import { bodyFieldErrors } from './words';

function NewEntry({ patientId }: { patientId: string }) {
  const add = useAddEntry(patientId);
  const [id, setId] = useState(newClientId);
  // A new form after each entry sent (its own id, empty fields).
  const [formKey, setFormKey] = useState(0);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="new-entry-heading">
      <Title order={2} size="h3" id="new-entry-heading" mb="xs">
        Tell your care team
      </Title>
      {add.isError && Object.keys(bodyFieldErrors(add.error)).length === 0 && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {errorMessage(add.error)}
        </Alert>
      )}
      <EntryForm
        key={formKey}
        audience="patient"
        pending={add.isPending}
        error={add.error}
        submitLabel="Send to my care team"
        onSubmit={(details) =>
          add.mutate(
            { ...details, id },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  title: 'Sent',
                  message: 'Your care team will confirm it.',
                });
                setId(newClientId());
                setFormKey((k) => k + 1);
                add.reset();
              },
            },
          )
        }
      />
    </Card>
  );
}

function PendingEntry({ patientId, entry }: { patientId: string; entry: SafetyEntry }) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const edit = useEditEntry(patientId);
  const remove = useRemoveEntry(patientId);
  return (
    <Card component="li" withBorder radius="md" padding="md" data-testid="my-pending-entry">
      {!editing && (
        <Stack gap="xs">
          <EntryFacts entry={entry} audience="patient" />
          <EntryProvenance entry={entry} audience="patient" />
          <Group gap="xs">
            <Button size="sm" variant="default" onClick={() => setEditing(true)}>
              Change
            </Button>
            <Button size="sm" variant="subtle" color="red" onClick={() => setRemoving(true)}>
              Remove
            </Button>
          </Group>
        </Stack>
      )}
      {editing && (
        <Stack gap="xs">
          {edit.isError && Object.keys(bodyFieldErrors(edit.error)).length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(edit.error)}
            </Alert>
          )}
          <EntryForm
            audience="patient"
            entry={entry}
            pending={edit.isPending}
            error={edit.error}
            submitLabel="Save"
            onCancel={() => {
              setEditing(false);
              edit.reset();
            }}
            onSubmit={(details) => edit.mutate({ entry, details }, { onSuccess: () => setEditing(false) })}
          />
        </Stack>
      )}
      <ConfirmModal
        opened={removing}
        title="Remove this?"
        confirmLabel="Remove"
        confirmColor="red"
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(entry, { onSuccess: () => setRemoving(false) })}
      >
        Your care team has not confirmed it yet. Remove it if you entered it by mistake.
      </ConfirmModal>
    </Card>
  );
}

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** /home/allergies: the patient lists their allergies and the other medicines they take. */
export function MyAllergiesPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const profile = useSafetyProfile(patientId);
  const entries = profile.data?.entries ?? [];
  const pending = entries.filter((e) => e.status === 'pending');
  const confirmed = entries.filter((e) => e.status === 'confirmed');
  const rejected = entries.filter((e) => e.status === 'rejected');
  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <div>
        <PageTitle documentTitle="Allergies and other medicines">Allergies and other medicines</PageTitle>
        <Text c="dimmed">
          Tell your care team what you are allergic to, and every medicine you take that they did not
          prescribe here: from another doctor, the pharmacy or the health-food shop. Your prescriber checks
          them before prescribing. Your care team will confirm what you send.
        </Text>
      </div>
      {patientId !== '' && <NewEntry patientId={patientId} />}
      {profile.isPending && <LoadingState label="Loading…" />}
      {profile.isError && <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <>
          <section aria-labelledby="waiting-heading">
            <Group gap="xs" mb="xs">
              <Title order={2} size="h3" id="waiting-heading">
                Waiting for your care team
              </Title>
              {pending.length > 0 && <SoftBadge color="yellow">{String(pending.length)}</SoftBadge>}
            </Group>
            {pending.length === 0 && <Text c="dimmed">Nothing waiting.</Text>}
            <Stack gap="sm" component="ul" style={listStyle}>
              {pending.map((e) => (
                <PendingEntry key={e.id} patientId={patientId} entry={e} />
              ))}
            </Stack>
          </section>
          <section aria-labelledby="confirmed-heading">
            <Title order={2} size="h3" id="confirmed-heading" mb="xs">
              On your record
            </Title>
            {confirmed.length === 0 && <Text c="dimmed">Nothing recorded yet.</Text>}
            <Stack gap="sm" component="ul" style={listStyle}>
              {confirmed.map((e) => (
                <Card key={e.id} component="li" withBorder radius="md" padding="md">
                  <EntryFacts entry={e} audience="patient" />
                  <EntryProvenance entry={e} audience="patient" />
                </Card>
              ))}
            </Stack>
            {profile.data.weight && (
              <Text size="sm" mt="sm">{`Weight: ${String(profile.data.weight.kg)} kg`}</Text>
            )}
            <Text size="sm" c="dimmed" mt="xs">
              Something here is wrong or has changed? Tell your care team in a message.
            </Text>
          </section>
          {rejected.length > 0 && (
            <section aria-labelledby="rejected-heading">
              <Title order={2} size="h3" id="rejected-heading" mb="xs">
                Not added to your record
              </Title>
              <Stack gap="sm" component="ul" style={listStyle}>
                {rejected.map((e) => (
                  <Card key={e.id} component="li" withBorder radius="md" padding="md">
                    <EntryFacts entry={e} audience="patient" />
                    <Text size="sm" mt={4}>{`Your care team: ${e.rejectionReason ?? ''}`}</Text>
                  </Card>
                ))}
              </Stack>
            </section>
          )}
        </>
      )}
    </Stack>
  );
}
