/**
 * "How much does it get in the way of daily life?" 0-6. This is Duet's own scale with its own anchor
 * words (care-rules.md "Side effects": the product's own 0-6 scale; it is not FIBSER or any published
 * instrument and has no validated cut-offs, so no rule reads it as a threshold).
 */
export const interferenceMax = 6;

export const interferenceAnchors: readonly { value: number; label: string }[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Hardly' },
  { value: 2, label: 'A little' },
  { value: 3, label: 'Somewhat' },
  { value: 4, label: 'Quite a lot' },
  { value: 5, label: 'A great deal' },
  { value: 6, label: 'I can hardly manage my day' },
];

export function interferenceLabel(value: number): string {
  return interferenceAnchors.find((a) => a.value === value)?.label ?? String(value);
}

export const interferenceSource = "Duet's own 0-6 scale (not a published instrument)";
