import {
  Alert as Callout,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import {
  useAddCatalogueEntry,
  useCatalogue,
  useEditCatalogueEntry,
  type CatalogueEntry,
  type CatalogueInput,
} from './api';
import { fieldErrors } from './field-errors';
import { NO_E_PRESCRIBING } from './medication-words';
import { CatalogueSafetyEditor, ChangedMark } from './catalogue-safety-editor';
import { CatalogueOtherNames } from './catalogue-other-names';

const PROGRAMS = [
  { value: 'lithium', label: 'Lithium (level, kidney, thyroid)' },
  { value: 'clozapine_anc', label: 'Clozapine ANC' },
  { value: 'valproate_lft', label: 'Valproate liver tests' },
  { value: 'sga_metabolic', label: 'Antipsychotic metabolic (ADA/APA)' },
];
const SYMPTOMS = [
  'nausea',
  'headache',
  'trouble_sleeping',
  'drowsiness',
  'dizziness',
  'sexual_problems',
  'weight_appetite',
  'restlessness',
  'dry_mouth',
  'sweating',
  'tremor',
  'rash',
  'emotionally_numb',
];

const empty: CatalogueInput = {
  genericName: '',
  drugClass: '',
  drugGroup: '',
  rxnormCode: null,
  rxnormSource: '',
  rxnormVerified: false,
  monitoring: '',
  notes: '',
  urgentSymptoms: [],
  guideClass: '',
  monitoringPrograms: [],
  active: true,
};

const inputOf = (e: CatalogueEntry): CatalogueInput => ({
  genericName: e.genericName,
  drugClass: e.drugClass,
  drugGroup: e.drugGroup,
  rxnormCode: e.rxnormCode,
  rxnormSource: e.rxnormSource,
  rxnormVerified: e.rxnormVerified,
  monitoring: e.monitoring,
  notes: e.notes,
  urgentSymptoms: e.urgentSymptoms,
  guideClass: e.guideClass,
  monitoringPrograms: e.monitoringPrograms as CatalogueInput['monitoringPrograms'],
  safety: e.safety,
  active: e.active,
});

function EntryModal({ entry, onClose }: { entry: CatalogueEntry | null; onClose: () => void }) {
  const add = useAddCatalogueEntry();
  const edit = useEditCatalogueEntry();
  const save = entry ? edit : add;
  const [v, setV] = useState<CatalogueInput>(entry ? inputOf(entry) : empty);
  const errors = fieldErrors(save.error);
  const set = <K extends keyof CatalogueInput>(key: K, value: CatalogueInput[K]) =>
    setV((o) => ({ ...o, [key]: value }));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const done = () => {
      notifications.show({ color: 'green', title: 'Catalogue saved', message: v.genericName });
      onClose();
    };
    if (entry) edit.mutate({ id: entry.id, version: entry.version, body: v }, { onSuccess: done });
    else add.mutate(v, { onSuccess: done });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={entry ? `Edit ${entry.genericName}` : 'Add a medication'}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Generic name"
              required
              value={v.genericName}
              onChange={(e) => set('genericName', e.currentTarget.value)}
              error={errors.genericName}
            />
            <TextInput
              label="Class"
              value={v.drugClass}
              onChange={(e) => set('drugClass', e.currentTarget.value)}
              error={errors.drugClass}
            />
            <TextInput
              label="Group"
              value={v.drugGroup}
              onChange={(e) => set('drugGroup', e.currentTarget.value)}
              error={errors.drugGroup}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="RxNorm code (RxCUI)"
              value={v.rxnormCode ?? ''}
              onChange={(e) =>
                set('rxnormCode', e.currentTarget.value.trim() === '' ? null : e.currentTarget.value)
              }
              error={errors.rxnormCode}
            />
            <TextInput
              label="Code source"
              value={v.rxnormSource}
              onChange={(e) => set('rxnormSource', e.currentTarget.value)}
            />
            <Checkbox
              mt={28}
              label="I checked this code"
              checked={v.rxnormVerified}
              onChange={(e) => set('rxnormVerified', e.currentTarget.checked)}
            />
          </SimpleGrid>
          <TextInput
            label="Monitoring needs"
            value={v.monitoring}
            onChange={(e) => set('monitoring', e.currentTarget.value)}
          />
          <MultiSelect
            label="Monitoring schedules"
            data={PROGRAMS}
            value={v.monitoringPrograms}
            onChange={(x) => set('monitoringPrograms', x as CatalogueInput['monitoringPrograms'])}
          />
          <MultiSelect
            label="Symptoms urgent for this medication"
            description="A side-effect report naming one of these alerts the prescriber as urgent"
            data={SYMPTOMS}
            value={v.urgentSymptoms}
            onChange={(x) => set('urgentSymptoms', x)}
          />
          <TextInput
            label="Medication guide"
            description="e.g. antidepressant"
            value={v.guideClass}
            onChange={(e) => set('guideClass', e.currentTarget.value)}
          />
          {entry && (
            <CatalogueSafetyEditor
              value={v.safety ?? null}
              marks={entry.safetyChanges}
              onChange={(safety) => set('safety', safety)}
            />
          )}
          {entry && <CatalogueOtherNames entryId={entry.id} genericName={entry.genericName} />}
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={v.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
          />
          <Checkbox
            label="Active (offered to prescribers)"
            checked={v.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
          />
          {save.isError && Object.keys(errors).length === 0 && (
            <Callout color="red" variant="light">
              {isApiError(save.error, 'precondition_failed')
                ? 'Someone changed this entry since you opened it. Close and open it again.'
                : errorMessage(save.error)}
            </Callout>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={v.genericName.trim() === ''}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/medications — the clinic's medication catalogue (starts from medications.csv). */
export function CatalogueAdminPage() {
  const [q, setQ] = useState('');
  const list = useCatalogue(q, true);
  const [editing, setEditing] = useState<CatalogueEntry | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle>Medication catalogue</PageTitle>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          Add a medication
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Prescribers choose from this list (or record a medication by name). RxNorm codes marked unverified
        come from a source we could not confirm. {NO_E_PRESCRIBING.split('.')[0]}.
      </Text>
      <TextInput
        label="Search"
        placeholder="Name or class"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={360}
      />
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <ScrollTable label="Medication catalogue">
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Class</Table.Th>
                <Table.Th>RxNorm</Table.Th>
                <Table.Th>Monitoring</Table.Th>
                <Table.Th>Label maximum</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.genericName}</Table.Td>
                  <Table.Td>
                    {e.drugClass}{' '}
                    <Text span size="xs" c="dimmed">
                      ({e.drugGroup})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{e.rxnormCode ?? '—'}</Text>
                      <SoftBadge
                        size="xs"

                        color={e.rxnormVerified ? 'green' : 'orange'}
                      >
                        {e.rxnormVerified ? 'verified' : 'unverified'}
                      </SoftBadge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {e.rxnormSource}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.monitoring || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {e.safety?.doseLimits
                        ? e.safety.doseLimits.maxima
                            .map(
                              (m) =>
                                `${m.maxMgPerDay === null ? 'none' : `${String(m.maxMgPerDay)} mg${m.perKg ? '/kg' : ''}`}${m.formulation ? ` ${m.formulation}` : ''}`,
                            )
                            .join(', ')
                        : '—'}
                    </Text>
                    <ChangedMark marks={e.safetyChanges} field="maxima" />
                  </Table.Td>
                  <Table.Td>{e.active ? 'Active' : 'Inactive'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(e)}
                      aria-label={`Edit ${e.genericName}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {editing && <EntryModal entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
