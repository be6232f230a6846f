import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { Medication } from '../../../shared/medications/schemas';
import type { LinkedMedication } from '../../../shared/treatment-plans/api';
import { useMedications } from '../medications/api';
import { newItemId, options, type Content } from './draft-helpers';
import { INTENT_LABELS, medicationNow } from './plan-words';

type Part = Content['medication'];

/** With the linked records' ids repeated in medicationIds, as the server keeps them. */
const withLinks = (part: Part, linked: LinkedMedication[]): Part => ({
  ...part,
  linked,
  medicationIds: linked.map((l) => l.medicationId),
});

function RecordRow({
  record,
  link,
  part,
  onChange,
  editable,
}: {
  record: Medication;
  link: LinkedMedication | undefined;
  part: Part;
  onChange: (part: Part) => void;
  editable: boolean;
}) {
  const setLink = (next: LinkedMedication) =>
    onChange(
      withLinks(
        part,
        part.linked.map((l) => (l.medicationId === record.id ? next : l)),
      ),
    );
  return (
    <Paper withBorder radius="sm" p="xs">
      <Stack gap={6}>
        <Checkbox
          label={`${record.name}: ${medicationNow(record)}`}
          checked={link !== undefined}
          disabled={!editable}
          onChange={(e) =>
            onChange(
              withLinks(
                part,
                e.currentTarget.checked
                  ? [
                      ...part.linked,
                      { medicationId: record.id, intent: 'continue', note: '', snapshot: null },
                    ]
                  : part.linked.filter((l) => l.medicationId !== record.id),
              ),
            )
          }
        />
        {link && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={`Intended change for ${record.name}`}
              value={link.intent}
              data={options(INTENT_LABELS)}
              disabled={!editable}
              onChange={(e) =>
                setLink({ ...link, intent: e.currentTarget.value as LinkedMedication['intent'] })
              }
            />
            <TextInput
              label={`Note on ${record.name}`}
              style={{ flex: 1, minWidth: 200 }}
              maxLength={300}
              value={link.note}
              readOnly={!editable}
              onChange={(e) => setLink({ ...link, note: e.currentTarget.value })}
            />
          </Group>
        )}
        {link?.snapshot && (
          <Text size="xs" c="dimmed">
            The plan saw it on {link.snapshot.takenOn}: {link.snapshot.dose}
            {link.snapshot.schedule ? `, ${link.snapshot.schedule}` : ''}
            {link.snapshot.steps ? `; then ${link.snapshot.steps}` : ''}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The prescriber picks the patient's medication records the plan refers to (no retyping), says what the plan
 * intends for each, and names medications to start. Saving takes each record as it is now (issue 15).
 */
export function PlanMedicationsEditor({
  part,
  onChange,
  editable,
}: {
  part: Part;
  onChange: (part: Part) => void;
  editable: boolean;
}) {
  const { patientId = '' } = useParams();
  const meds = useMedications(patientId);
  const records = [...(meds.data?.medications ?? [])].sort(
    (a, b) => Number(a.status === 'stopped') - Number(b.status === 'stopped'),
  );
  const unknown = part.linked.filter((l) => !records.some((r) => r.id === l.medicationId));
  const setStart = (id: string, change: Partial<Part['toStart'][number]>) =>
    onChange({ ...part, toStart: part.toStart.map((s) => (s.id === id ? { ...s, ...change } : s)) });
  return (
    <Stack gap="xs" role="group" aria-label="Medications in this plan">
      <Title order={3} size="h6">
        The patient’s medications
      </Title>
      {meds.isPending && <Text size="sm">Loading the patient’s medications…</Text>}
      {meds.isError && (
        <Text size="sm" c="red">
          The patient’s medications could not be loaded.
        </Text>
      )}
      {meds.data && records.length === 0 && (
        <Text size="sm" c="dimmed">
          No medication recorded yet. Prescribe on the Medications page, then link it here.
        </Text>
      )}
      {records.map((r) => (
        <RecordRow
          key={r.id}
          record={r}
          link={part.linked.find((l) => l.medicationId === r.id)}
          part={part}
          onChange={onChange}
          editable={editable}
        />
      ))}
      {unknown.map((l) => (
        <Text size="sm" c="orange" key={l.medicationId}>
          {l.snapshot?.name ?? 'A linked record'} is no longer among the patient’s medications.
        </Text>
      ))}
      <Title order={3} size="h6">
        Medications to start
      </Title>
      {part.toStart.map((s, i) => (
        <Group key={s.id} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={`Medication to start (${String(i + 1)})`}
            value={s.name}
            maxLength={120}
            readOnly={!editable}
            onChange={(e) => setStart(s.id, { name: e.currentTarget.value })}
          />
          <TextInput
            label={`Note on the medication to start (${String(i + 1)})`}
            style={{ flex: 1, minWidth: 200 }}
            value={s.note}
            maxLength={300}
            readOnly={!editable}
            onChange={(e) => setStart(s.id, { note: e.currentTarget.value })}
          />
          {editable && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => onChange({ ...part, toStart: part.toStart.filter((x) => x.id !== s.id) })}
            >
              Remove
            </Button>
          )}
        </Group>
      ))}
      {editable && part.toStart.length < 10 && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              onChange({ ...part, toStart: [...part.toStart, { id: newItemId(), name: '', note: '' }] })
            }
          >
            Add a medication to start
          </Button>
        </Group>
      )}
    </Stack>
  );
}
