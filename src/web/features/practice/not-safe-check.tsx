import { Checkbox, Paper } from '@mantine/core';

/**
 * "I'm not safe right now" on a diary card or thought record (issue 12): ticking it shows the crisis numbers
 * and safety plan at once, and Done tells whoever may read the entry straight away (shared/practice/risk.ts).
 */
export function NotSafeCheck({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Checkbox
        size="md"
        label="I'm not safe right now"
        description="Tick this if you might hurt yourself. You will see who to contact now, and your care team will be told when you press Done."
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    </Paper>
  );
}
