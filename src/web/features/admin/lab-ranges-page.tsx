import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { labRange } from '../../../shared/medication-safety/lab-ranges';
import { checkThresholds, isLabRangeId } from '../../../shared/medication-safety/lab-thresholds';
import {
  useLabRanges,
  useResetLabThresholds,
  useSetLabThresholds,
  type LabRangeSetting,
} from '../medications/clinic-safety-api';

const tierWords: Record<string, string> = {
  critical: 'urgent alert to the prescriber and the team',
  high: 'alert to the prescriber today',
  abnormal: 'routine alert to the prescriber',
  normal: 'no alert',
};
const comparisonWords: Record<string, string> = {
  gt: 'above',
  gte: 'at or above',
  lt: 'below',
  lte: 'at or below',
};

/** Messages per threshold of a refused save (details at body.thresholds.N). */
function serverErrors(error: unknown): Record<number, string> {
  const out: Record<number, string> = {};
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return out;
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    const match = typeof d.path === 'string' ? /^body\.thresholds\.(\d+)$/.exec(d.path) : null;
    if (match?.[1] !== undefined && typeof d.message === 'string') out[Number(match[1])] ??= d.message;
  }
  return out;
}

function RangeForm({ setting }: { setting: LabRangeSetting }) {
  const save = useSetLabThresholds();
  const reset = useResetLabThresholds();
  const [values, setValues] = useState<(number | string)[]>(() => setting.thresholds.map((t) => t.value));
  const numbers = values.map((v) => (typeof v === 'number' ? v : Number.NaN));
  // The same ordering check the server runs, at the field as the admin types.
  const local: Record<number, string> = {};
  if (isLabRangeId(setting.id))
    for (const e of checkThresholds(labRange(setting.id), numbers)) local[e.index] ??= e.message;
  const errors = { ...serverErrors(save.error), ...local };
  const dirty = numbers.some((n, i) => n !== setting.thresholds[i]?.value);
  const headingId = `lab-range-${setting.id}`;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (Object.keys(local).length > 0) return;
    save.mutate(
      { id: setting.id, version: setting.version, thresholds: numbers },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', title: 'Thresholds saved', message: setting.label }),
      },
    );
  };
  const onReset = () => {
    reset.mutate(
      { id: setting.id, version: setting.version },
      {
        onSuccess: (answer) => {
          setValues(answer.thresholds.map((t) => t.value));
          notifications.show({ color: 'green', title: 'Back to the reference', message: setting.label });
        },
      },
    );
  };
  const stale =
    isApiError(save.error, 'precondition_failed') || isApiError(reset.error, 'precondition_failed');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3} size="h4" id={headingId}>
                {setting.label}
              </Title>
              <Text size="sm" c="dimmed">
                Target: {setting.target}. Source: {setting.source}
              </Text>
            </div>
            {setting.changedBy && setting.changedAt !== null && (
              <SoftBadge size="sm" color="grape">
                changed by the clinic: {setting.changedBy.name}, {formatDateTime(setting.changedAt)}
              </SoftBadge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {setting.thresholds.map((t, i) => (
              <NumberInput
                key={t.index}
                label={`${t.bandLabel} (${comparisonWords[t.comparison] ?? t.comparison}, ${setting.unit})`}
                description={`${tierWords[t.tier] ?? t.tier}. Reference: ${String(t.reference)}${t.changed ? ' (the clinic’s value differs)' : ''}`}
                value={values[i] ?? ''}
                onChange={(v) => setValues((old) => old.map((o, j) => (j === i ? v : o)))}
                decimalScale={4}
                min={0}
                error={errors[i]}
              />
            ))}
          </SimpleGrid>
          {(save.isError || reset.isError) && Object.keys(errors).length === 0 && (
            <Alert color="red" variant="light">
              {stale
                ? 'Someone changed this range since you opened the page. Reload and try again.'
                : errorMessage(save.error ?? reset.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            {setting.version > 0 && (
              <Button variant="default" onClick={onReset} loading={reset.isPending}>
                Reset to reference
              </Button>
            )}
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** /admin/lab-ranges — the levels at which laboratory results raise an alarm, per clinic (issue 11). */
export function LabRangesPage() {
  const ranges = useLabRanges();
  return (
    <Stack gap="md">
      <PageTitle>Laboratory thresholds</PageTitle>
      <Text size="sm" c="dimmed">
        Duet reads every recorded result against these levels (medication-safety reference, with its source
        beside each range). You can change the numbers for your clinic; the levels, their order and what Duet
        does at each stay the same. A changed value is marked with who changed it and when, and applies to
        results recorded from then on. Reset to reference brings back Duet’s values.
      </Text>
      {ranges.isPending && <LoadingState />}
      {ranges.isError && <ErrorState error={ranges.error} onRetry={() => void ranges.refetch()} />}
      {ranges.data && (
        <Stack gap="md">
          <Text size="xs" c="dimmed">
            Reference version {ranges.data.rangesVersion}
          </Text>
          {ranges.data.ranges.map((r) => (
            <RangeForm key={`${r.id}-${String(r.version)}`} setting={r} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
