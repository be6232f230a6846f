import { ActionIcon, Button, Checkbox, Chip, Group, Radio, Stack, TextInput } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { DoseSchedule } from './api';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const WEEKDAYS: { value: Weekday; label: string }[] = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
];

export const defaultSchedule: DoseSchedule = { kind: 'times', times: ['08:00'], weekdays: null };

/** Times each day or on chosen weekdays, every N hours, or as needed with a maximum per day. */
export function ScheduleBuilder({
  value,
  onChange,
  idPrefix,
}: {
  value: DoseSchedule;
  onChange: (next: DoseSchedule) => void;
  idPrefix: string;
}) {
  const setKind = (kind: string) => {
    if (kind === value.kind) return;
    if (kind === 'times') onChange(defaultSchedule);
    else if (kind === 'every_n_hours') onChange({ kind: 'every_n_hours', everyHours: 8, firstTime: '08:00' });
    else onChange({ kind: 'as_needed', maxPerDay: 2 });
  };
  return (
    <Stack gap="xs">
      <Radio.Group label="Schedule" name={`${idPrefix}-kind`} value={value.kind} onChange={setKind}>
        <Group gap="md" mt={4} wrap="wrap">
          <Radio value="times" label="At set times" />
          <Radio value="every_n_hours" label="Every N hours" />
          <Radio value="as_needed" label="As needed" />
        </Group>
      </Radio.Group>
      {value.kind === 'times' && (
        <>
          <Group gap="xs" align="flex-end">
            {value.times.map((time, i) => (
              <Group key={i} gap={4} align="flex-end">
                <TextInput
                  type="time"
                  label={`Time ${String(i + 1)}`}
                  value={time}
                  required
                  onChange={(e) =>
                    onChange({
                      ...value,
                      times: value.times.map((t, j) => (j === i ? e.currentTarget.value : t)),
                    })
                  }
                  w={120}
                />
                {value.times.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`Remove time ${String(i + 1)}`}
                    onClick={() => onChange({ ...value, times: value.times.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Button
              variant="light"
              size="sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => onChange({ ...value, times: [...value.times, '20:00'] })}
              disabled={value.times.length >= 12}
            >
              Add a time
            </Button>
          </Group>
          <Checkbox
            label="Every day"
            checked={value.weekdays === null}
            onChange={(e) =>
              onChange({ ...value, weekdays: e.currentTarget.checked ? null : [1, 2, 3, 4, 5] })
            }
          />
          {value.weekdays !== null && (
            <Chip.Group
              multiple
              value={value.weekdays.map(String)}
              onChange={(days) => onChange({ ...value, weekdays: days.map(Number).sort() as Weekday[] })}
            >
              <Group gap={6} role="group" aria-label="Days of the week">
                {WEEKDAYS.map((d) => (
                  <Chip key={d.value} value={String(d.value)} size="sm">
                    {d.label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
        </>
      )}
      {value.kind === 'every_n_hours' && (
        <Group gap="sm" align="flex-end">
          <NumberField
            label="Every (hours)"
            min={1}
            max={72}
            value={value.everyHours}
            onChange={(v) => onChange({ ...value, everyHours: typeof v === 'number' ? v : Number(v) || 1 })}
            w={140}
          />
          <TextInput
            type="time"
            label="First dose at"
            value={value.firstTime}
            onChange={(e) => onChange({ ...value, firstTime: e.currentTarget.value })}
            w={140}
          />
        </Group>
      )}
      {value.kind === 'as_needed' && (
        <NumberField
          label="At most (doses a day)"
          min={1}
          max={24}
          value={value.maxPerDay}
          onChange={(v) => onChange({ ...value, maxPerDay: typeof v === 'number' ? v : Number(v) || 1 })}
          w={200}
        />
      )}
    </Stack>
  );
}
