import { Alert as Callout, Radio, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { SoftBadge } from '../../components/badges';
import type { SafetyWarning } from '../../../shared/medication-safety/interactions';
import type { DoseRangeView } from '../../../shared/medication-safety/prescribing-check';
import type { SafetyAnswer } from '../../../shared/medication-safety/prescribing-schemas';
import { curatedListNotice } from './prescribing-checks';

// Issue 11 on the prescribing forms: the label range beside the dose, the reason to go above the maximum,
// and each safety warning with what the label says to do and the prescriber's answer.

const mg = (n: number) => `${String(Math.round(n * 1000) / 1000)} mg`;

/** "Label: up to 40 mg a day. For this patient: 20 mg a day (age over 60)." */
export function DoseRangeNote({ range, id }: { range: DoseRangeView | null; id: string }) {
  if (!range) return null;
  return (
    <Stack gap={2} id={id}>
      <Text size="sm">
        <strong>Label range:</strong> {range.labelText}
        {range.formulation ? ` (${range.formulation} applies to this form)` : ''}
      </Text>
      {range.reducedBecause.length > 0 && range.patientMaxMgPerDay !== null && (
        <Text size="sm" c="red.9">
          <strong>For this patient:</strong> at most {mg(range.patientMaxMgPerDay)} a day (
          {range.reducedBecause.join(', ')}). {range.reducedText}
        </Text>
      )}
      {range.perKg && range.patientMaxMgPerDay !== null && range.reducedBecause.length === 0 && (
        <Text size="sm">
          <strong>For this patient:</strong> at most {mg(range.patientMaxMgPerDay)} a day at the recorded
          weight.
        </Text>
      )}
      {range.missingWeight && (
        <Text size="sm" c="red.9">
          No body weight is recorded, so the per-kg maximum cannot be worked out. Duet does not guess a
          weight.
        </Text>
      )}
      {range.notes.map((n) => (
        <Text size="xs" c="dimmed" key={n}>
          {n}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        Source: {range.source}
      </Text>
    </Stack>
  );
}

const severityWords: Record<SafetyWarning['severity'], { label: string; color: string }> = {
  contraindicated: { label: 'contraindicated', color: 'red' },
  boxed_warning: { label: 'boxed warning', color: 'red' },
  warning: { label: 'warning', color: 'orange' },
};

/** Each warning with the label's action; the prescriber proceeds with a reason or says what they changed. */
export function SafetyWarningsPanel({
  warnings,
  answers,
  onChange,
}: {
  warnings: SafetyWarning[];
  answers: Record<string, SafetyAnswer>;
  onChange: (next: Record<string, SafetyAnswer>) => void;
}) {
  if (warnings.length === 0) return null;
  const set = (w: SafetyWarning, patch: Partial<SafetyAnswer>) =>
    onChange({
      ...answers,
      [w.id]: { warningId: w.id, decision: 'proceed', reason: '', ...answers[w.id], ...patch },
    });
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="safety-warnings-heading">
      <Stack gap="sm">
        <Group gap={6}>
          <IconAlertTriangle size={18} aria-hidden color="var(--mantine-color-orange-8)" />
          <Title order={3} size="h5" id="safety-warnings-heading">
            Safety checks ({warnings.length})
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          {curatedListNotice}
        </Text>
        {warnings.map((w, i) => {
          const answer = answers[w.id];
          const reasonId = `safety-warning-${String(i)}`;
          return (
            <Callout
              key={w.id}
              color={severityWords[w.severity].color}
              variant="light"
              title={w.title}
              // The coloured title on the tinted background is below 4.5:1; the badge carries the colour.
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
            >
              <Stack gap={6}>
                <Group gap={6}>
                  <SoftBadge size="xs" color={severityWords[w.severity].color}>
                    {severityWords[w.severity].label}
                  </SoftBadge>
                  <Text size="sm">{w.effect}</Text>
                </Group>
                <Text size="sm">
                  <strong>What the label says to do:</strong> {w.labelAction}
                </Text>
                <Text size="xs" c="dimmed">
                  Source: {w.source}
                </Text>
                <Radio.Group
                  label="Your answer"
                  value={answer?.decision ?? ''}
                  onChange={(v) => set(w, { decision: v === 'changed' ? 'changed' : 'proceed' })}
                  required
                >
                  <Group gap="md" mt={4}>
                    <Radio value="proceed" label="Proceed as prescribed" />
                    <Radio value="changed" label="I changed the prescription" />
                  </Group>
                </Radio.Group>
                {answer && (
                  <Textarea
                    id={reasonId}
                    label={answer.decision === 'proceed' ? 'Reason to proceed' : 'What you changed'}
                    description="Kept in the medication's history; the team sees it"
                    autosize
                    minRows={1}
                    required
                    value={answer.reason}
                    onChange={(e) => set(w, { reason: e.currentTarget.value })}
                    error={answer.reason.trim() === '' ? 'Give a reason.' : undefined}
                  />
                )}
              </Stack>
            </Callout>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** True when every warning has an answer with a reason. */
export const allAnswered = (warnings: SafetyWarning[], answers: Record<string, SafetyAnswer>) =>
  warnings.every((w) => (answers[w.id]?.reason.trim() ?? '') !== '');

export const answersFor = (warnings: SafetyWarning[], answers: Record<string, SafetyAnswer>) =>
  warnings.flatMap((w) => {
    const a = answers[w.id];
    return a && a.reason.trim() !== '' ? [{ ...a, reason: a.reason.trim() }] : [];
  });
