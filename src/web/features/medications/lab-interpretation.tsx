import { Alert as Callout, Group, Stack, Text } from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import type { LabInterpretation } from './monitoring-api';

/** Badge words and colour: a result outside its range with no action named reads "outside range (no alert)". */
export function tierBadge(i: Pick<LabInterpretation, 'tier' | 'direction'>): {
  label: string;
  color: string;
} {
  switch (i.tier) {
    case 'critical':
      return { label: 'Critical', color: 'red' };
    case 'high':
      return { label: 'High', color: 'orange' };
    case 'abnormal':
      return { label: 'Out of range', color: 'yellow' };
    default:
      return i.direction === 'in_range'
        ? { label: 'Normal', color: 'green' }
        : { label: 'Outside range, no alert', color: 'gray' };
  }
}

export function LabTierBadge({ interpretation }: { interpretation: LabInterpretation }) {
  const b = tierBadge(interpretation);
  return (
    <SoftBadge size="sm" color={b.color}>
      {b.label}
    </SoftBadge>
  );
}

/** What a result means and what to do (medication-safety.md §3), with the range and its source. */
export function LabInterpretationPanel({ interpretation: i }: { interpretation: LabInterpretation }) {
  const urgent = i.tier === 'critical' || i.tier === 'high';
  return (
    <Callout
      color={
        i.tier === 'critical'
          ? 'red'
          : i.tier === 'high'
            ? 'orange'
            : i.tier === 'abnormal'
              ? 'yellow'
              : 'gray'
      }
      variant="light"
      role={urgent ? 'alert' : undefined}
      aria-label="What this result means"
    >
      <Stack gap={4}>
        <Group gap={6}>
          <LabTierBadge interpretation={i} />
          <Text size="sm" fw={600}>
            {i.label}
          </Text>
        </Group>
        <Text size="sm">{i.action}</Text>
        {i.emergencyAdvice !== null && (
          <Text size="sm" fw={600}>
            {i.emergencyAdvice}
          </Text>
        )}
        {i.followUpText !== null && <Text size="sm">Next test: {i.followUpText}.</Text>}
        <Text size="xs" c="dimmed">
          {i.rangeLabel}: {i.target}
          {i.unit !== i.canonicalUnit ? ` · read as ${String(i.canonicalValue)} ${i.canonicalUnit}` : ''}
          {i.timesUpperLimit !== null ? ` · ${String(i.timesUpperLimit)} x the upper limit of normal` : ''} ·
          Source: {i.source}
          {i.upperLimitSource !== null ? ` · upper limit: ${i.upperLimitSource}` : ''}
          {i.productPolicy ? ' · alert level is product policy' : ''}
        </Text>
        {i.tier === 'critical' && (
          <Text size="xs">The prescriber and the care team have an urgent alert in their inbox.</Text>
        )}
        {i.tier === 'high' && <Text size="xs">The prescriber has an alert in their inbox for today.</Text>}
      </Stack>
    </Callout>
  );
}
