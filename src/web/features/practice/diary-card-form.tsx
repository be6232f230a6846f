import { Chip, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import type { DiaryCard } from '../../../shared/practice/content';
import { diaryDefaults } from '../../../shared/practice/library';
import { RatingSlider } from './rating-slider';
import { NotSafeCheck } from './not-safe-check';

type Props = { value: DiaryCard; onChange: (v: DiaryCard) => void };

/** A DBT diary card for one day: feelings and urges 0-5, skills used, distress 0-10. */
export function DiaryCardForm({ value, onChange }: Props) {
  const set = (patch: Partial<DiaryCard>) => onChange({ ...value, ...patch });
  const skills = [...new Set([...diaryDefaults.skills, ...value.skills])];
  return (
    <Stack gap="xl">
      <Stack gap="xs" component="section" aria-label="Feelings">
        <Title order={2} size="h4">
          Feelings today
        </Title>
        <Text size="sm" c="dimmed">
          The strongest each feeling got: 0 none, 5 as strong as it gets.
        </Text>
        {value.emotions.map((e, i) => (
          <RatingSlider
            key={e.name}
            label={e.name}
            max={5}
            value={e.rating}
            onChange={(n) => {
              const emotions = [...value.emotions];
              emotions[i] = { ...e, rating: n };
              set({ emotions });
            }}
          />
        ))}
      </Stack>

      <Stack gap="xs" component="section" aria-label="Urges">
        <Title order={2} size="h4">
          Urges
        </Title>
        <Text size="sm" c="dimmed">
          How strong the urge was (0-5), and whether you acted on it.
        </Text>
        {value.urges.map((u, i) => {
          const setUrge = (patch: Partial<typeof u>) => {
            const urges = [...value.urges];
            urges[i] = { ...u, ...patch };
            set({ urges });
          };
          return (
            <Stack
              key={u.behaviour}
              gap={4}
              p="sm"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            >
              <RatingSlider
                label={`Urge: ${u.behaviour}`}
                max={5}
                value={u.urge}
                onChange={(n) => setUrge({ urge: n })}
              />
              <Text size="sm" fw={600} id={`acted-${String(i)}`}>
                Did you act on it?
              </Text>
              <SegmentedControl
                size="md"
                fullWidth
                aria-labelledby={`acted-${String(i)}`}
                data={[
                  { value: 'no', label: 'No' },
                  { value: 'yes', label: 'Yes' },
                ]}
                value={u.actedOn === null ? '' : u.actedOn ? 'yes' : 'no'}
                onChange={(v) => setUrge({ actedOn: v === 'yes' })}
              />
            </Stack>
          );
        })}
      </Stack>

      <Stack gap="xs" component="section" aria-label="Skills used">
        <Title order={2} size="h4">
          Skills I used
        </Title>
        <Chip.Group multiple value={value.skills} onChange={(v) => set({ skills: v })}>
          <Group gap={6}>
            {skills.map((s) => (
              <Chip key={s} value={s} size="md">
                {s}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>

      <Stack gap="xs" component="section" aria-label="Distress">
        <Title order={2} size="h4">
          Distress
        </Title>
        <RatingSlider
          label="My distress today at its worst"
          max={10}
          lowWord="calm"
          highWord="unbearable"
          value={value.distress}
          onChange={(n) => set({ distress: n })}
        />
      </Stack>

      <Textarea
        label="Notes (optional)"
        autosize
        minRows={2}
        maxLength={1000}
        value={value.note}
        onChange={(e) => set({ note: e.currentTarget.value })}
      />
      <NotSafeCheck checked={value.notSafe} onChange={(notSafe) => set({ notSafe })} />
    </Stack>
  );
}
