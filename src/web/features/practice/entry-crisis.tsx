import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { RiskReason } from '../../../shared/practice/risk';
import type { Sharing } from '../../../shared/practice/sharing';
import { CrisisResources } from '../../components/crisis-resources';
import { useSafetyPlan } from '../treatment-plan/api';

/**
 * Self-harm outside questionnaires (issue 12): on a diary card or thought record at risk (shared/practice/
 * risk.ts) the patient sees their own country's crisis numbers (crisis line first) and their safety plan at
 * once, while still writing. `sent` says the team has been told (the entry is done); before that, the
 * words say who will be told when they press Done (their sharing choice decides).
 */
export function EntryCrisis({
  patientId,
  reasons,
  sharing,
  sent,
}: {
  patientId: string;
  reasons: readonly RiskReason[];
  sharing: Sharing;
  sent: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const safety = useSafetyPlan(patientId);
  const plan = safety.data?.safetyPlan ?? null;
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const who = sharing === 'therapist' ? 'your therapist' : 'your care team';
  const notSafe = reasons.includes('not_safe');
  const steps = plan ? [...plan.thingsICanDoOnMyOwn, ...plan.peopleAndPlacesThatHelp].slice(0, 6) : [];
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="entry-crisis-heading"
      data-testid="entry-crisis"
    >
      <Alert color="red" variant="light" p="md">
        <Stack gap="sm">
          <Title order={2} size="h4" id="entry-crisis-heading" c="red.9">
            {notSafe
              ? 'You said you are not safe right now'
              : 'It sounds like things are very hard right now'}
          </Title>
          <Text>
            {sent
              ? `Thank you for telling us. ${who[0]?.toUpperCase() ?? ''}${who.slice(1)} has been told and will contact you.`
              : `When you press Done, ${who} will be told straight away so they can contact you.`}{' '}
            If you might act on an urge, or you feel unsafe now, reach out right away:
          </Text>
          <CrisisResources patientId={patientId} situation="self_harm" />
          <Title order={3} size="h5">
            Your safety plan
          </Title>
          {steps.length > 0 ? (
            <List size="sm" spacing={2}>
              {steps.map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">You have not written a safety plan with your therapist yet.</Text>
          )}
          <Anchor component={Link} to="/home/safety-plan" fw={600}>
            Open my whole safety plan
          </Anchor>
        </Stack>
      </Alert>
    </div>
  );
}
