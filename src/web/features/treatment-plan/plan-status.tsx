import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanOverview } from '../../../shared/treatment-plans/api';
import { SoftBadge } from '../../components/badges';
import { formatDateTime, formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePlan } from './api';
import { PLAN_STATUS_COLORS, PLAN_STATUS_LABELS, planStatus } from './plan-words';

export function PlanStatusBadge({ plan }: { plan: PlanOverview | null }) {
  const status = planStatus(plan);
  return <SoftBadge color={PLAN_STATUS_COLORS[status]}>{PLAN_STATUS_LABELS[status]}</SoftBadge>;
}

/** Who signed the open draft, who still has to, and where the agreed plan stands. */
export function PlanStatusLines({ plan }: { plan: PlanOverview }) {
  const { draft, agreed } = plan;
  return (
    <Stack gap={2}>
      {draft && (
        <>
          <Text size="sm">
            Draft version {draft.number}
            {draft.reason ? ` — ${draft.reason}` : ''}
          </Text>
          {draft.signatures
            .filter((s) => s.valid)
            .map((s) => (
              <Text size="sm" key={s.userId}>
                Signed by {s.name} · {formatDateTime(s.signedAt)}
              </Text>
            ))}
          {draft.awaitingSignatureFrom.length > 0 && (
            <Text size="sm">Waiting for: {draft.awaitingSignatureFrom.map((p) => p.name).join(', ')}</Text>
          )}
        </>
      )}
      {agreed && (
        <Text size="sm">
          Agreed version {agreed.number}
          {agreed.agreedAt !== null ? ` on ${formatDateTime(agreed.agreedAt)}` : ''}
          {agreed.acknowledgedAt !== null
            ? `; acknowledged by the patient ${formatDateTime(agreed.acknowledgedAt)}`
            : '; not yet acknowledged by the patient'}
          {agreed.reviewDate ? `. Review due ${formatDay(agreed.reviewDate)}.` : '.'}
        </Text>
      )}
    </Stack>
  );
}

/** The plan at a glance on the patient overview, with a link to the plan page. */
export function PlanCard({ patientId }: { patientId: string }) {
  const plan = usePlan(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="plan-card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="plan-card-heading">
            Treatment plan
          </Title>
          {plan.data !== undefined && <PlanStatusBadge plan={plan.data} />}
        </Group>
        <Button component={Link} to={`/patients/${patientId}/plan`} size="xs" variant="light">
          {plan.data ? 'Open plan' : 'Start plan'}
        </Button>
      </Group>
      {plan.isPending && <LoadingState />}
      {plan.isError && <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data === null && (
        <Text size="sm" c="dimmed">
          The team has not started a plan.{' '}
          <Anchor component={Link} to={`/patients/${patientId}/plan`} inherit underline="always">
            Start one from a template
          </Anchor>
          .
        </Text>
      )}
      {plan.data && <PlanStatusLines plan={plan.data} />}
    </Paper>
  );
}
