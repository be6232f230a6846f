import { NotSafeCheck } from './not-safe-check';
import { ActionIcon, Button, Chip, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ThoughtRecord } from '../../../shared/practice/content';
import { moodSuggestions } from '../../../shared/practice/library';
import { RatingSlider } from './rating-slider';

type Props = { value: ThoughtRecord; onChange: (v: ThoughtRecord) => void };

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {n}. {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A CBT thought record, one step under the other (easier on a phone than tabs). */
export function ThoughtRecordForm({ value, onChange }: Props) {
  const set = (patch: Partial<ThoughtRecord>) => onChange({ ...value, ...patch });
  const hotIndex = value.thoughts.findIndex((t) => t.hot);
  const unusedMoods = moodSuggestions.filter((m) => !value.moods.some((x) => x.name === m));
  return (
    <Stack gap="xl">
      <Step n={1} title="What happened?">
        <Textarea
          label="The situation"
          description="Where were you, who was there, what was going on?"
          autosize
          minRows={2}
          maxLength={1000}
          value={value.situation}
          onChange={(e) => set({ situation: e.currentTarget.value })}
        />
      </Step>

      <Step n={2} title="How did you feel?">
        <Text size="sm" c="dimmed">
          Add each mood and rate how strong it was, from 0 (not at all) to 100 (the strongest ever).
        </Text>
        {unusedMoods.length > 0 && (
          <Group gap={6} aria-label="Add a mood">
            {unusedMoods.map((m) => (
              <Chip
                key={m}
                checked={false}
                size="md"
                onChange={() => set({ moods: [...value.moods, { name: m, intensity: null, rerated: null }] })}
              >
                + {m}
              </Chip>
            ))}
          </Group>
        )}
        {value.moods.map((mood, i) => (
          <Stack
            key={i}
            gap={4}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label="Mood"
                maxLength={60}
                value={mood.name}
                onChange={(e) => {
                  const moods = [...value.moods];
                  moods[i] = { ...mood, name: e.currentTarget.value };
                  set({ moods });
                }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove ${mood.name || 'this mood'}`}
                onClick={() => set({ moods: value.moods.filter((_, j) => j !== i) })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
            <RatingSlider
              label={`How strong (${mood.name || 'mood'})`}
              max={100}
              value={mood.intensity}
              onChange={(n) => {
                const moods = [...value.moods];
                moods[i] = { ...mood, intensity: n };
                set({ moods });
              }}
            />
          </Stack>
        ))}
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => set({ moods: [...value.moods, { name: '', intensity: null, rerated: null }] })}
        >
          Another mood
        </Button>
      </Step>

      <Step n={3} title="What went through your mind?">
        <Text size="sm" c="dimmed">
          Write the thoughts as they came. Then mark the one that hit hardest: the hot thought.
        </Text>
        <Radio.Group
          value={hotIndex >= 0 ? String(hotIndex) : null}
          onChange={(v) => set({ thoughts: value.thoughts.map((t, j) => ({ ...t, hot: String(j) === v })) })}
          label="The hot thought"
        >
          <Stack gap="sm" mt={4}>
            {value.thoughts.map((thought, i) => (
              <Stack
                key={i}
                gap={4}
                p="sm"
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              >
                <Textarea
                  label={`Thought ${String(i + 1)}`}
                  autosize
                  minRows={1}
                  maxLength={500}
                  value={thought.text}
                  onChange={(e) => {
                    const thoughts = [...value.thoughts];
                    thoughts[i] = { ...thought, text: e.currentTarget.value };
                    set({ thoughts });
                  }}
                />
                <RatingSlider
                  label={`How much you believed thought ${String(i + 1)}`}
                  max={100}
                  value={thought.belief}
                  onChange={(n) => {
                    const thoughts = [...value.thoughts];
                    thoughts[i] = { ...thought, belief: n };
                    set({ thoughts });
                  }}
                />
                <Group justify="space-between">
                  <Radio value={String(i)} label="This is the hot thought" size="md" />
                  <Button
                    variant="subtle"
                    color="gray"
                    size="compact-sm"
                    onClick={() => set({ thoughts: value.thoughts.filter((_, j) => j !== i) })}
                  >
                    Remove
                  </Button>
                </Group>
              </Stack>
            ))}
          </Stack>
        </Radio.Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            set({
              thoughts: [...value.thoughts, { text: '', belief: null, hot: value.thoughts.length === 0 }],
            })
          }
        >
          Add a thought
        </Button>
      </Step>

      <Step n={4} title="What supports the hot thought?">
        <Textarea
          label="Evidence for"
          description="Facts, not feelings: what would a camera have recorded?"
          autosize
          minRows={2}
          maxLength={2000}
          value={value.evidenceFor}
          onChange={(e) => set({ evidenceFor: e.currentTarget.value })}
        />
      </Step>

      <Step n={5} title="What does not fit it?">
        <Textarea
          label="Evidence against"
          description="What would you say to a friend who had this thought?"
          autosize
          minRows={2}
          maxLength={2000}
          value={value.evidenceAgainst}
          onChange={(e) => set({ evidenceAgainst: e.currentTarget.value })}
        />
      </Step>

      <Step n={6} title="A more balanced view">
        <Textarea
          label="Balanced thought"
          description="A thought that takes in both sides."
          autosize
          minRows={2}
          maxLength={1000}
          value={value.balancedThought}
          onChange={(e) => set({ balancedThought: e.currentTarget.value })}
        />
        <RatingSlider
          label="How much you believe the balanced thought"
          max={100}
          value={value.balancedBelief}
          onChange={(n) => set({ balancedBelief: n })}
        />
      </Step>

      <Step n={7} title="Rate again">
        {value.thoughts[hotIndex >= 0 ? hotIndex : 0] && (
          <RatingSlider
            label="How much you believe the hot thought now"
            max={100}
            value={value.hotThoughtBeliefAfter}
            onChange={(n) => set({ hotThoughtBeliefAfter: n })}
          />
        )}
        {value.moods.map((mood, i) => (
          <RatingSlider
            key={i}
            label={`How strong now (${mood.name || 'mood'})`}
            max={100}
            value={mood.rerated}
            onChange={(n) => {
              const moods = [...value.moods];
              moods[i] = { ...mood, rerated: n };
              set({ moods });
            }}
          />
        ))}
        {value.moods.length === 0 && value.thoughts.length === 0 && (
          <Text size="sm" c="dimmed">
            Add a mood or a thought above to rate it again here.
          </Text>
        )}
      </Step>
      <NotSafeCheck checked={value.notSafe} onChange={(notSafe) => set({ notSafe })} />
    </Stack>
  );
}
