import { Blockquote, Stack } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import type { FreeForm } from '../../../shared/practice/content';
import { RatingSlider } from './rating-slider';

type Props = { value: FreeForm; onChange: (v: FreeForm) => void; instructions: string };

/** The therapist's own exercise: their instructions, the patient's response. */
export function FreeFormForm({ value, onChange, instructions }: Props) {
  return (
    <Stack gap="lg">
      <Blockquote color="blue" p="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {instructions}
      </Blockquote>
      <Textarea
        label="Your response"
        autosize
        minRows={5}
        maxLength={4000}
        value={value.response}
        onChange={(e) => onChange({ ...value, response: e.currentTarget.value })}
      />
      <RatingSlider
        label="How helpful was it?"
        max={10}
        lowWord="not at all"
        highWord="very"
        value={value.helpfulness}
        onChange={(n) => onChange({ ...value, helpfulness: n })}
      />
    </Stack>
  );
}
