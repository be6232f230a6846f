import { Alert, Button, Divider, Group, Modal, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { useState } from 'react';
import { SoftBadge } from '../../components/badges';
import { ConfirmModal } from '../../components/confirm-modal';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { weightKgMax, weightKgMin } from '../../../shared/medication-safety/safety-profile';
import {
  useAddEntry,
  useEditEntry,
  useRemoveEntry,
  useReviewEntry,
  useSafetyProfile,
  useSetWeight,
  type SafetyEntry,
  type SafetyProfile,
} from './api';
import { EntryForm } from './entry-form';
import { EntryFacts, EntryProvenance } from './entry-summary';
import { bodyFieldErrors } from './words';

function AddEntry({ patientId }: { patientId: string }) {
  const [opened, setOpened] = useState(false);
  const [id, setId] = useState(newClientId);
  const add = useAddEntry(patientId);
  const close = () => {
    setOpened(false);
    add.reset();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        Add
      </Button>
      <Modal opened={opened} onClose={close} title="Add an allergy, other medicine or condition" centered>
        {add.isError && Object.keys(bodyFieldErrors(add.error)).length === 0 && (
          <Alert color="red" variant="light" role="alert" mb="sm">
            {errorMessage(add.error)}
          </Alert>
        )}
        <EntryForm
          audience="clinician"
          pending={add.isPending}
          error={add.error}
          submitLabel="Add (confirmed)"
          onCancel={close}
          onSubmit={(details) =>
            add.mutate(
              { ...details, id },
              {
                onSuccess: () => {
                  setId(newClientId());
                  close();
                },
              },
            )
          }
        />
      </Modal>
    </>
  );
}

function EditEntry({ patientId, entry }: { patientId: string; entry: SafetyEntry }) {
  const [opened, setOpened] = useState(false);
  const edit = useEditEntry(patientId);
  const close = () => {
    setOpened(false);
    edit.reset();
  };
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)} aria-label={`Edit ${label(entry)}`}>
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title={`Edit ${label(entry)}`} centered>
        {edit.isError && Object.keys(bodyFieldErrors(edit.error)).length === 0 && (
          <Alert color="red" variant="light" role="alert" mb="sm">
            {errorMessage(edit.error)}
          </Alert>
        )}
        <EntryForm
          audience="clinician"
          entry={entry}
          pending={edit.isPending}
          error={edit.error}
          submitLabel="Save"
          onCancel={close}
          onSubmit={(details) => edit.mutate({ entry, details }, { onSuccess: close })}
        />
      </Modal>
    </>
  );
}

function RemoveEntry({ patientId, entry }: { patientId: string; entry: SafetyEntry }) {
  const [opened, setOpened] = useState(false);
  const remove = useRemoveEntry(patientId);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setOpened(true)}
        aria-label={`Remove ${label(entry)}`}
      >
        Remove
      </Button>
      <ConfirmModal
        opened={opened}
        title={`Remove ${label(entry)}?`}
        confirmLabel="Remove"
        confirmColor="red"
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setOpened(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(entry, { onSuccess: () => setOpened(false) })}
      >
        {entry.kind === 'condition' && entry.condition === 'smoker'
          ? 'Stopped smoking? Clozapine levels rise when smoking stops: if the patient takes clozapine, the prescriber is alerted. '
          : ''}
        It leaves the record and the prescribing check; the history keeps who removed it and when.
      </ConfirmModal>
    </>
  );
}

function ReviewEntry({ patientId, entry }: { patientId: string; entry: SafetyEntry }) {
  const review = useReviewEntry(patientId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const serverErrors = bodyFieldErrors(review.error);
  const reasonError =
    serverErrors.reason ?? (submitted && reason.trim() === '' ? 'Say why (the patient sees it).' : undefined);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => review.mutate({ entry, confirm: true })}
          loading={review.isPending && !rejecting}
          aria-label={`Confirm ${label(entry)}`}
        >
          Confirm
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => setRejecting(true)}
          aria-label={`Do not confirm ${label(entry)}`}
        >
          Do not confirm
        </Button>
      </Group>
      {review.isError && !rejecting && (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(review.error)}
        </Text>
      )}
      <Modal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={`Do not confirm ${label(entry)}`}
        centered
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted(true);
            if (reason.trim() === '') return;
            review.mutate(
              { entry, confirm: false, reason: reason.trim() },
              { onSuccess: () => setRejecting(false) },
            );
          }}
          noValidate
        >
          <Stack gap="sm">
            <Textarea
              label="Why not (the patient sees this)"
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              maxLength={500}
              autosize
              minRows={2}
            />
            {review.isError && !serverErrors.reason && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(review.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={review.isPending}>
                Do not confirm
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

function label(entry: SafetyEntry): string {
  if (entry.kind === 'allergy') return `allergy to ${entry.substance}`;
  if (entry.kind === 'other_medicine') return entry.name;
  return 'condition';
}

function Weight({ patientId, profile }: { patientId: string; profile: SafetyProfile }) {
  const setWeight = useSetWeight(patientId);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<string | number>(profile.weight?.kg ?? '');
  const [submitted, setSubmitted] = useState(false);
  const localError = !submitted
    ? undefined
    : typeof value !== 'number'
      ? 'Enter the weight in kilograms.'
      : value < weightKgMin || value > weightKgMax
        ? `Between ${String(weightKgMin)} and ${String(weightKgMax)} kg.`
        : undefined;
  const error =
    bodyFieldErrors(setWeight.error).weightKg ??
    (setWeight.isError ? errorMessage(setWeight.error) : undefined);
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        Weight
      </Text>
      {!editing && (
        <Group gap="xs">
          <Text size="sm">
            {profile.weight
              ? `${String(profile.weight.kg)} kg (recorded by ${profile.weight.recordedBy.name}, ${formatDateTime(profile.weight.recordedAt)})`
              : 'Not recorded (valproate is dosed per kg).'}
          </Text>
          <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
            {profile.weight ? 'Update' : 'Record'}
          </Button>
        </Group>
      )}
      {editing && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted(true);
            if (typeof value !== 'number' || value < weightKgMin || value > weightKgMax) return;
            setWeight.mutate(
              { weightKg: value, version: profile.version },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <Group align="flex-end" gap="xs">
            <NumberInput
              label="Weight (kg)"
              value={value}
              onChange={setValue}
              decimalScale={1}
              min={weightKgMin}
              max={weightKgMax}
              clampBehavior="none"
              error={localError ?? error}
              w={160}
            />
            <Button type="submit" size="sm" loading={setWeight.isPending}>
              Save
            </Button>
            <Button variant="default" size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function EntryList({
  title,
  entries,
  patientId,
  empty,
}: {
  title: string;
  entries: SafetyEntry[];
  patientId: string;
  empty: string;
}) {
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {entries.map((e) => (
        <Group key={e.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid="safety-entry">
          {/* minWidth 0: long facts wrap instead of pushing Edit/Remove past a 390 px screen. */}
          <Stack gap={2} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            <EntryFacts entry={e} audience="clinician" />
            <EntryProvenance entry={e} audience="clinician" />
          </Stack>
          <Group gap={0} wrap="nowrap">
            <EditEntry patientId={patientId} entry={e} />
            <RemoveEntry patientId={patientId} entry={e} />
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The clinician patient page's card: allergies, other medicines, conditions and weight, with the patient's
 * own entries waiting for confirmation first. Only confirmed entries count in the prescribing check.
 */
export function SafetyProfileCard({ patientId }: { patientId: string }) {
  const profile = useSafetyProfile(patientId);
  const entries = profile.data?.entries ?? [];
  const pending = entries.filter((e) => e.status === 'pending');
  const confirmed = entries.filter((e) => e.status === 'confirmed');
  const rejected = entries.filter((e) => e.status === 'rejected');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="safety-profile-heading">
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="safety-profile-heading">
            Allergies and other medicines
          </Title>
          {pending.length > 0 && (
            <SoftBadge color="yellow">{`${String(pending.length)} to confirm`}</SoftBadge>
          )}
        </Group>
        <AddEntry patientId={patientId} />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        The prescribing check counts confirmed entries only, against Duet’s curated list of combinations (not
        a full interaction database).
      </Text>
      {profile.isPending && <LoadingState />}
      {profile.isError && <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <Stack gap="md">
          {pending.length > 0 && (
            <Stack gap={6} aria-label="Entered by the patient, waiting for confirmation" component="section">
              <Text fw={600} size="sm">
                Entered by the patient: confirm or not
              </Text>
              {pending.map((e) => (
                <Group key={e.id} justify="space-between" align="flex-start" data-testid="pending-entry">
                  <Stack gap={2}>
                    <EntryFacts entry={e} audience="clinician" />
                    <EntryProvenance entry={e} audience="clinician" />
                  </Stack>
                  <ReviewEntry patientId={patientId} entry={e} />
                </Group>
              ))}
              <Divider />
            </Stack>
          )}
          <EntryList
            title="Allergies"
            patientId={patientId}
            entries={confirmed.filter((e) => e.kind === 'allergy')}
            empty="No allergies recorded."
          />
          <EntryList
            title="Other medicines (outside Duet)"
            patientId={patientId}
            entries={confirmed.filter((e) => e.kind === 'other_medicine')}
            empty="None recorded."
          />
          <EntryList
            title="Conditions that matter for prescribing"
            patientId={patientId}
            entries={confirmed.filter((e) => e.kind === 'condition')}
            empty="None recorded."
          />
          <Weight key={profile.data.version} patientId={patientId} profile={profile.data} />
          {rejected.length > 0 && (
            <Stack gap={4}>
              <Text fw={600} size="sm" c="dimmed">
                Not confirmed
              </Text>
              {rejected.map((e) => (
                <Text key={e.id} size="xs" c="dimmed">
                  {`${label(e)}: ${e.rejectionReason ?? ''}`}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
