import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActivityLog } from '../../../shared/practice/content';
import { RatingSlider } from './rating-slider';

type Props = { value: ActivityLog; onChange: (v: ActivityLog) => void };
type Block = ActivityLog['blocks'][number];

const DONE_OPTIONS = [
  { value: 'done', label: 'Done' },
  { value: 'partly', label: 'Partly' },
  { value: 'not_done', label: 'Not done' },
];

/** Planned against done, per part of the day. */
export function plannedVersusDone(log: ActivityLog): { planned: number; done: number } {
  const planned = log.blocks.filter((b) => b.planned !== '');
  return { planned: planned.length, done: planned.filter((b) => b.done === 'done').length };
}

/** A behavioural activation log: one card per part of the day. */
export function ActivityLogForm({ value, onChange }: Props) {
  const [newBlock, setNewBlock] = useState('');
  const setBlock = (i: number, patch: Partial<Block>) => {
    const blocks = [...value.blocks];
    const current = blocks[i];
    if (!current) return;
    blocks[i] = { ...current, ...patch };
    onChange({ ...value, blocks });
  };
  const summary = plannedVersusDone(value);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        For each part of the day: what you planned, what you did, and how it felt. Mastery is how much you
        achieved; pleasure is how much you enjoyed it (0-10).
      </Text>
      {value.blocks.map((block, i) => (
        <Stack
          key={i}
          gap="xs"
          p="sm"
          component="section"
          aria-label={block.block}
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
        >
          <Title order={2} size="h4">
            {block.block}
          </Title>
          <TextInput
            label="Planned"
            maxLength={200}
            value={block.planned}
            onChange={(e) => setBlock(i, { planned: e.currentTarget.value })}
          />
          <TextInput
            label="What I did"
            maxLength={200}
            value={block.actual}
            onChange={(e) => setBlock(i, { actual: e.currentTarget.value })}
          />
          {block.planned !== '' && (
            <div>
              <Text size="sm" fw={600} id={`done-${String(i)}`}>
                Did the plan happen?
              </Text>
              <SegmentedControl
                fullWidth
                size="md"
                aria-labelledby={`done-${String(i)}`}
                data={DONE_OPTIONS}
                value={block.done ?? ''}
                onChange={(v) => setBlock(i, { done: v as Block['done'] })}
              />
            </div>
          )}
          <RatingSlider
            label="Mood"
            max={10}
            lowWord="low"
            highWord="great"
            value={block.mood}
            onChange={(n) => setBlock(i, { mood: n })}
          />
          <RatingSlider
            label="Mastery"
            max={10}
            value={block.mastery}
            onChange={(n) => setBlock(i, { mastery: n })}
          />
          <RatingSlider
            label="Pleasure"
            max={10}
            value={block.pleasure}
            onChange={(n) => setBlock(i, { pleasure: n })}
          />
        </Stack>
      ))}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="Add a time of day"
          placeholder="e.g. 07:30 or Late night"
          maxLength={60}
          value={newBlock}
          onChange={(e) => setNewBlock(e.currentTarget.value)}
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={newBlock.trim() === ''}
          onClick={() => {
            onChange({
              ...value,
              blocks: [
                ...value.blocks,
                {
                  block: newBlock.trim(),
                  planned: '',
                  actual: '',
                  done: null,
                  mood: null,
                  mastery: null,
                  pleasure: null,
                },
              ],
            });
            setNewBlock('');
          }}
        >
          Add
        </Button>
      </Group>
      {summary.planned > 0 && (
        <Text size="sm" fw={600}>
          Planned and done: {summary.done} of {summary.planned}
        </Text>
      )}
      <Textarea
        label="Anything else about today?"
        autosize
        minRows={2}
        maxLength={1000}
        value={value.note}
        onChange={(e) => onChange({ ...value, note: e.currentTarget.value })}
      />
    </Stack>
  );
}
