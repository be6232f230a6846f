import {
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import type {
  CatalogueSafety,
  SafetyChangeMark,
} from '../../../shared/medication-safety/prescribing-schemas';
import { populationTriggerWords } from '../../../shared/medication-safety/dose-limits';
import {
  interactionClasses,
  isInteractionClass,
} from '../../../shared/medication-safety/interaction-classes';

const classOptions = interactionClasses.map((c) => ({ value: c, label: c.replace(/_/g, ' ') }));

/** The interaction classes the curated combination check matches this medicine by. */
function ClassesField({
  value,
  marks,
  onChange,
}: {
  value: CatalogueSafety;
  marks: SafetyChangeMark[];
  onChange: (next: CatalogueSafety) => void;
}) {
  return (
    <Stack gap={4}>
      <MultiSelect
        label="Interaction classes"
        description="Duet's curated combination check matches this medicine by these classes"
        data={classOptions}
        value={[...value.interactionClasses]}
        onChange={(x) => onChange({ ...value, interactionClasses: x.filter(isInteractionClass) })}
        searchable
      />
      <ChangedMark marks={marks} field="interactionClasses" />
    </Stack>
  );
}

// Issue 11: the clinic admin edits a catalogue medicine's dose limits; each value the clinic changed from
// Duet's starting data says who changed it and when (the server marks it and audits the change).

export function ChangedMark({ marks, field }: { marks: SafetyChangeMark[]; field: string }) {
  const mark = marks.find((m) => m.field === field);
  if (!mark) return null;
  return (
    <SoftBadge size="xs" color="grape">
      changed by the clinic: {mark.changedBy.name}, {formatDateTime(mark.changedAt)}
    </SoftBadge>
  );
}

const numberOrNull = (v: string | number) => (typeof v === 'number' ? v : null);

export function CatalogueSafetyEditor({
  value,
  marks,
  onChange,
}: {
  value: CatalogueSafety | null;
  marks: SafetyChangeMark[];
  onChange: (next: CatalogueSafety) => void;
}) {
  const limits = value?.doseLimits ?? null;
  if (!value || !limits)
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          No dose limits for this medication: prescriptions of it are not checked against a maximum.
        </Text>
        <ClassesField
          value={value ?? { doseLimits: null, interactionClasses: [] }}
          marks={marks}
          onChange={onChange}
        />
      </Stack>
    );
  const setLimits = (patch: Partial<typeof limits>) =>
    onChange({ ...value, doseLimits: { ...limits, ...patch } });
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="catalogue-safety-heading">
      <Stack gap="xs">
        <Title order={3} size="h6" id="catalogue-safety-heading">
          Dose limits (mg a day)
        </Title>
        <Text size="xs" c="dimmed">
          Starting values from the label ({limits.source}). Check a value against the current label before
          changing it; prescribers see the value you set.
        </Text>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            Label maxima
          </Text>
          <ChangedMark marks={marks} field="maxima" />
        </Group>
        {limits.maxima.map((m, i) => (
          <SimpleGrid key={m.formulation ?? i} cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={`Maximum${m.formulation ? ` (${m.formulation})` : ''}${m.perKg ? ', mg per kg' : ''}`}
              description={m.maxMgPerDay === null ? 'Empty: no fixed maximum' : undefined}
              min={0}
              value={m.maxMgPerDay ?? ''}
              onChange={(v) =>
                setLimits({
                  maxima: limits.maxima.map((x, j) => (j === i ? { ...x, maxMgPerDay: numberOrNull(v) } : x)),
                })
              }
            />
            <NumberInput
              label={`Largest single dose${m.formulation ? ` (${m.formulation})` : ''}`}
              description="Empty: none"
              min={0}
              value={m.maxSingleDoseMg ?? ''}
              onChange={(v) =>
                setLimits({
                  maxima: limits.maxima.map((x, j) =>
                    j === i ? { ...x, maxSingleDoseMg: numberOrNull(v) } : x,
                  ),
                })
              }
            />
          </SimpleGrid>
        ))}
        {limits.reduced.length > 0 && (
          <Group gap={6}>
            <Text size="sm" fw={500}>
              Lower maxima for some patients
            </Text>
            <ChangedMark marks={marks} field="reduced" />
          </Group>
        )}
        {limits.reduced.map((r, i) => (
          <NumberInput
            key={`${r.when.join(',')}-${r.formulation ?? ''}`}
            label={`${r.when.map((w) => populationTriggerWords[w]).join(' or ')}${r.formulation ? ` (${r.formulation})` : ''}`}
            description={r.text}
            min={0}
            value={r.maxMgPerDay}
            onChange={(v) => {
              if (typeof v !== 'number' || v <= 0) return;
              setLimits({ reduced: limits.reduced.map((x, j) => (j === i ? { ...x, maxMgPerDay: v } : x)) });
            }}
          />
        ))}
        <Group gap={6} align="flex-end">
          <TextInput
            label="Shown to prescribers beside the dose"
            value={limits.labelText}
            onChange={(e) => setLimits({ labelText: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ChangedMark marks={marks} field="labelText" />
        </Group>
        <ClassesField value={value} marks={marks} onChange={onChange} />
      </Stack>
    </Paper>
  );
}
