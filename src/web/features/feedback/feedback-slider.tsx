import { Group, Slider, Text } from '@mantine/core';
import { useId } from 'react';
import unrated from '../../components/unrated-slider.module.css';

/**
 * A 0-10 rating on a slider sized for a thumb. The thumb carries the question as its accessible name and
 * moves with arrow keys, Home and End; the words at both ends say what 0 and 10 mean. Until touched the
 * value reads "Not answered" and no thumb or filled bar shows (issue 17); the keyboard finds the thumb in the
 * middle, hollow.
 */
export function FeedbackSlider({
  label,
  value,
  onChange,
  lowWord,
  highWord,
}: {
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  lowWord: string;
  highWord: string;
}) {
  const id = useId();
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" mb={6}>
        <Text fw={600} id={id}>
          {label}
        </Text>
        <Text fw={700} c={value === null ? 'dimmed' : undefined} aria-hidden style={{ whiteSpace: 'nowrap' }}>
          {value === null ? 'Not answered' : `${String(value)} / 10`}
        </Text>
      </Group>
      <Slider
        value={value ?? 5}
        onChange={onChange}
        min={0}
        max={10}
        step={1}
        size="lg"
        thumbSize={30}
        color={value === null ? 'gray.5' : 'blue.7'}
        label={null}
        thumbLabel={`${label} (0 ${lowWord}, 10 ${highWord})${value === null ? ', not answered yet' : ''}`}
        thumbValueText={value === null ? 'Not answered' : undefined}
        classNames={{
          root: value === null ? unrated.unrated : undefined,
          thumb: unrated.thumb,
          bar: unrated.bar,
        }}
        mb={4}
      />
      {/* The end words sit under the track, inside the page width (mark labels would spill over it). */}
      <Group justify="space-between" gap="xs" wrap="nowrap" mb="md" aria-hidden>
        <Text size="sm" c="dark.5">
          0 {lowWord}
        </Text>
        <Text size="sm" c="dark.5" ta="right">
          10 {highWord}
        </Text>
      </Group>
    </div>
  );
}
