import { Group, Slider, Text } from '@mantine/core';
import { useId } from 'react';
import unrated from '../../components/unrated-slider.module.css';

/**
 * A rating on a slider, big enough for a thumb: labelled for screen readers (the thumb carries the
 * label), moved with arrow keys, Home and End. "Not rated" until the patient touches it (issue 17): no
 * thumb and no filled bar show until then; a keyboard user still finds the thumb (hollow, in the middle).
 */
export function RatingSlider({
  label,
  value,
  onChange,
  min = 0,
  max,
  lowWord,
  highWord,
}: {
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  min?: number;
  max: number;
  lowWord?: string;
  highWord?: string;
}) {
  const id = useId();
  const step = max > 10 ? 5 : 1;
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} id={id}>
          {label}
        </Text>
        <Text size="sm" fw={700} c={value === null ? 'dimmed' : undefined} aria-hidden>
          {value === null ? 'Not rated' : `${String(value)} / ${String(max)}`}
        </Text>
      </Group>
      <Slider
        value={value ?? Math.round((min + max) / 2)}
        onChange={onChange}
        min={min}
        max={max}
        step={step}
        size="lg"
        thumbSize={28}
        color={value === null ? 'gray.5' : 'blue.7'}
        label={null}
        thumbLabel={`${label}${value === null ? ', not rated yet' : ''}`}
        thumbValueText={value === null ? 'Not rated' : undefined}
        classNames={{
          root: value === null ? unrated.unrated : undefined,
          thumb: unrated.thumb,
          bar: unrated.bar,
        }}
        mb={4}
      />
      {/* The ends' meaning in words, inside the box (centred mark labels spill past a phone's edge). */}
      <Group justify="space-between" gap="xs" aria-hidden mb="xs">
        <Text size="xs" c="dark.4">
          {String(min)}
          {lowWord ? ` ${lowWord}` : ''}
        </Text>
        <Text size="xs" c="dark.4">
          {String(max)}
          {highWord ? ` ${highWord}` : ''}
        </Text>
      </Group>
    </div>
  );
}
