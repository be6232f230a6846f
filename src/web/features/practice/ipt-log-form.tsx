import { Stack, Text } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import type { InterpersonalLog } from '../../../shared/practice/content';
import { iptAreaNames, iptPrompts } from '../../../shared/practice/library';
import { RatingSlider } from './rating-slider';

type Props = { value: InterpersonalLog; onChange: (v: InterpersonalLog) => void };

/** An interpersonal log with the question of the plan's IPT problem area. */
export function IptLogForm({ value, onChange }: Props) {
  const set = (patch: Partial<InterpersonalLog>) => onChange({ ...value, ...patch });
  const area = value.problemArea;
  return (
    <Stack gap="lg">
      {area && (
        <Text size="sm">
          Focus: <strong>{iptAreaNames[area]}</strong>
        </Text>
      )}
      <TextInput
        label="Who was it with?"
        description="A first name or how they relate to you is enough."
        maxLength={120}
        value={value.person}
        onChange={(e) => set({ person: e.currentTarget.value })}
      />
      <Textarea
        label="What happened?"
        autosize
        minRows={3}
        maxLength={2000}
        value={value.whatHappened}
        onChange={(e) => set({ whatHappened: e.currentTarget.value })}
      />
      <TextInput
        label="How did you feel?"
        maxLength={500}
        value={value.howIFelt}
        onChange={(e) => set({ howIFelt: e.currentTarget.value })}
      />
      <RatingSlider
        label="How strong the feeling was"
        max={100}
        value={value.feelingIntensity}
        onChange={(n) => set({ feelingIntensity: n })}
      />
      {area && (
        <Textarea
          label={iptPrompts[area]}
          autosize
          minRows={2}
          maxLength={2000}
          value={value.areaReflection}
          onChange={(e) => set({ areaReflection: e.currentTarget.value })}
        />
      )}
      <Textarea
        label="What might you try next time?"
        autosize
        minRows={2}
        maxLength={1000}
        value={value.nextStep}
        onChange={(e) => set({ nextStep: e.currentTarget.value })}
      />
    </Stack>
  );
}
