import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { countries, countryName } from '../../../shared/crisis/countries';
import { crisisResourceKinds, type CrisisResourceKind } from '../../../shared/crisis/schemas';
import { defaultsFor, needsRecheck } from '../../../shared/crisis/select';
import type { ClinicSettings } from '../../../shared/clinic/api';
import { errorMessage } from '../../components/query-state';
import { useSaveClinicSettings } from './api';
import {
  emptyForm,
  formFrom,
  otherCountries,
  payloadFrom,
  resourceErrors,
  serverEntryErrors,
  type ResourceErrors,
  type ResourceField,
  type ResourceForm,
} from './crisis-resource-form';
import { browserToday } from '../../components/format';

const kindLabels: Record<CrisisResourceKind, string> = {
  emergency: 'Emergency number',
  crisis_line: 'Crisis line',
  other: 'Other support',
};

const today = browserToday;
const countryOptions = countries.map(([code, name]) => ({ value: code, label: `${name} (${code})` }));

function EntryFields({
  index,
  count,
  form,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  form: ResourceForm;
  errors: ResourceErrors;
  onChange: (next: ResourceForm) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const text = (field: Exclude<ResourceField, 'kind'>, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={form[field]}
      onChange={(e) => onChange({ ...form, [field]: e.currentTarget.value })}
      error={errors[field]}
    />
  );
  const title = form.name.trim() || `Entry ${String(index + 1)}`;
  const stale = /^\d{4}-\d{2}-\d{2}$/.test(form.lastVerified) && needsRecheck(form.lastVerified, today());
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" aria-label={title} m={0}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>
            {index + 1}. {title}
          </Text>
          <Badge variant="light" color={stale ? 'red' : 'gray'}>
            {stale ? `Re-check: last verified ${form.lastVerified}` : `Verified ${form.lastVerified || '—'}`}
          </Badge>
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            aria-label={`Move ${title} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={`Move ${title} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="light" color="red" aria-label={`Remove ${title}`} onClick={onRemove}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <NativeSelect
          label="Kind"
          value={form.kind}
          onChange={(e) => onChange({ ...form, kind: e.currentTarget.value as CrisisResourceKind })}
          data={crisisResourceKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
          error={errors.kind}
        />
        {text('name', 'Name')}
        {text('phone', 'Phone', 'The number to call')}
        {text('otherPhones', 'Other numbers', 'Separated by commas')}
        {text('sms', 'Text (SMS) number')}
        {text('smsKeyword', 'Word to text', 'e.g. HOME; leave empty if none')}
        {text('web', 'Web address', 'Starting with https://')}
        {text('hours', 'Hours', 'e.g. 24 hours')}
        {text('languages', 'Languages', 'Separated by commas')}
        {text('note', 'Note', 'e.g. Veterans: press 1')}
        <TextInput
          label="Last verified"
          type="date"
          value={form.lastVerified}
          onChange={(e) => onChange({ ...form, lastVerified: e.currentTarget.value })}
          error={errors.lastVerified}
        />
        {text('source', 'Source', 'Where the entry was checked')}
      </SimpleGrid>
    </Paper>
  );
}

/**
 * The clinic's country and its crisis resources. Defaults come from the country (shared/crisis); once the
 * admin edits them, the clinic's own list is shown to its patients in that country. Saved on its own, so
 * saving other settings never touches it (and the server keeps it either way).
 */
export function CrisisResourcesSettings({ settings }: { settings: ClinicSettings }) {
  const save = useSaveClinicSettings();
  const [country, setCountry] = useState(settings.country);
  // Whose resources are being edited: the clinic's country, or another where some patients live.
  const [editing, setEditing] = useState(settings.country);
  const own = settings.crisisResources.filter((r) => r.country === settings.country);
  const [entries, setEntries] = useState<ResourceForm[]>(() => own.map(formFrom));
  const [customised, setCustomised] = useState(own.length > 0);
  const [showErrors, setShowErrors] = useState(false);

  const server = serverEntryErrors(save.error);
  const clientErrors = entries.map((e) => resourceErrors(e, editing));
  const shown = customised ? entries : defaultsFor(editing).map(formFrom);
  const customisedElsewhere = [...new Set(settings.crisisResources.map((r) => r.country))].filter(
    (c) => c !== editing,
  );
  const hasCrisisLine = shown.some((e) => e.kind === 'crisis_line');
  const defaultEmergency = defaultsFor(editing).filter((r) => r.kind === 'emergency');
  // A list without an emergency number still shows the country's default one (shared/crisis/select.ts).
  const addsDefaultEmergency =
    customised && !shown.some((e) => e.kind === 'emergency') && defaultEmergency.length > 0;
  const hasEmergency = shown.some((e) => e.kind === 'emergency') || addsDefaultEmergency;

  const edit = (next: string) => {
    setEditing(next);
    const saved = settings.crisisResources.filter((r) => r.country === next);
    setEntries(saved.map(formFrom));
    setCustomised(saved.length > 0);
  };
  const update = (index: number, next: ResourceForm) =>
    setEntries((list) => list.map((e, i) => (i === index ? next : e)));
  const move = (index: number, by: -1 | 1) =>
    setEntries((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (customised && clientErrors.some((e) => Object.keys(e).length > 0)) return;
    const mine = customised ? entries.map((e) => payloadFrom(e, editing)) : [];
    save.mutate(
      { country, crisisResources: [...mine, ...otherCountries(settings.crisisResources, editing)] },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: 'Crisis resources saved',
            message: 'Patients see them from now on.',
          }),
      },
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="crisis-settings-heading"
    >
      <Stack gap="md" maw={760}>
        <Title order={2} size="h4" id="crisis-settings-heading">
          Country and crisis resources
        </Title>
        <Text size="sm" c="dimmed">
          Patients see these numbers at once when they report thoughts of self-harm, and in their safety plan.
          Patients living in another country see that country&apos;s numbers. Re-check every entry at least
          once a year.
        </Text>
        <NativeSelect
          label="Clinic country"
          description="New patients live here unless their record says otherwise"
          value={country}
          onChange={(e) => {
            setCountry(e.currentTarget.value);
            edit(e.currentTarget.value);
          }}
          error={server.country}
          data={countryOptions}
        />
        <NativeSelect
          label="Edit the crisis resources for"
          description="Patients whose record names another country see that country's resources"
          value={editing}
          onChange={(e) => edit(e.currentTarget.value)}
          data={countryOptions}
        />
        {customisedElsewhere.length > 0 && (
          <Text size="sm">
            This clinic has its own entries for: {customisedElsewhere.map(countryName).join(', ')}.
          </Text>
        )}
        {!hasCrisisLine && (
          <Alert color="red" variant="light" title={`No crisis line set for ${countryName(editing)}`}>
            Duet knows no crisis line for this country. Patients will see
            {hasEmergency ? ' the emergency number' : ' no emergency number'} and their care team&apos;s
            contact only. Add the crisis line patients should call.
          </Alert>
        )}
        {customised ? (
          <Stack gap="sm">
            {entries.map((entry, index) => (
              <EntryFields
                key={entry.key}
                index={index}
                count={entries.length}
                form={entry}
                errors={{ ...(showErrors ? clientErrors[index] : {}), ...server.entries[index] }}
                onChange={(next) => update(index, next)}
                onMove={(by) => move(index, by)}
                onRemove={() => setEntries((list) => list.filter((_, i) => i !== index))}
              />
            ))}
            {addsDefaultEmergency && entries.length > 0 && (
              <Text size="sm">
                No emergency number in this list: patients also see the default for {countryName(editing)} (
                {defaultEmergency.map((r) => r.phone).join(', ')}) after these entries.
              </Text>
            )}
            {entries.length === 0 && (
              <Text size="sm">
                With no entries, patients there see the defaults for {countryName(editing)}.
              </Text>
            )}
            <Group>
              <Button variant="default" onClick={() => setEntries((list) => [...list, emptyForm(today())])}>
                Add an entry
              </Button>
              <Button
                variant="subtle"
                onClick={() => {
                  setEntries([]);
                  setCustomised(false);
                }}
              >
                Use the defaults for {countryName(editing)}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Defaults for {countryName(editing)}
            </Text>
            {shown.length === 0 && <Text size="sm">None.</Text>}
            {shown.map((entry) => (
              <Group key={entry.key} gap="xs">
                <Text size="sm">
                  {kindLabels[entry.kind]}: {entry.name}{' '}
                  {[entry.phone, entry.otherPhones, entry.sms].filter(Boolean).join(', ')}
                </Text>
                <Badge variant="light" color={needsRecheck(entry.lastVerified, today()) ? 'red' : 'gray'}>
                  Verified {entry.lastVerified}
                </Badge>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setEntries(defaultsFor(editing).map(formFrom));
                  setCustomised(true);
                }}
              >
                Edit these resources
              </Button>
            </Group>
          </Stack>
        )}
        {save.isError && Object.keys(server.entries).length === 0 && !server.country && (
          <Alert color="red" variant="light" role="alert" title="The crisis resources were not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save country and crisis resources
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
