import { Anchor, Button, Divider, List, Stack, Text, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CrisisResourceSet } from '../../../shared/crisis/schemas';
import type { SafetyPlan } from '../../../shared/treatment-plans/api';
import { CrisisResourceList, CrisisResources } from '../../components/crisis-resources';
import classes from './measures.module.css';

/**
 * The safety path on the patient's screen: crisis resources and their safety plan, shown at once when an
 * answer about self-harm was above 0. Focus moves here and it is announced (role=alert).
 */
export function CrisisPanel({
  set,
  safetyPlan: plan,
}: {
  /** The patient's own country's resources for self-harm, crisis line first (shared/crisis). */
  set: CrisisResourceSet;
  /** Sent with the submit answer, so nothing more has to load before the patient sees it. */
  safetyPlan: SafetyPlan | null;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="crisis-heading"
      className={classes.crisis}
      data-testid="crisis-resources"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="crisis-heading" c="red.9">
          You do not have to face this alone
        </Title>
        <Text>
          You told us you have had thoughts of being better off dead or of hurting yourself. Thank you for
          telling us. Your care team has been told and will contact you. If you might act on these thoughts,
          or you feel unsafe now, reach out right away:
        </Text>
        <CrisisResourceList set={set} />
        <Divider color="red.3" />
        <Title order={3} size="h4">
          Your safety plan
        </Title>
        {plan ? (
          <>
            {plan.thingsICanDoOnMyOwn.length > 0 && (
              <>
                <Text fw={600} size="sm">
                  Things I can do on my own
                </Text>
                <List size="sm" spacing={2}>
                  {plan.thingsICanDoOnMyOwn.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </>
            )}
            {plan.peopleICanAskForHelp.length > 0 && (
              <>
                <Text fw={600} size="sm">
                  People I can ask for help
                </Text>
                <List size="sm" spacing={2}>
                  {plan.peopleICanAskForHelp.map((c) => (
                    <List.Item key={`${c.name}-${c.phone ?? ''}`}>
                      {c.name}
                      {c.phone && (
                        <>
                          {' '}
                          <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} underline="always">
                            {c.phone}
                          </Anchor>
                        </>
                      )}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </>
        ) : (
          <Text size="sm">
            You have not written a safety plan yet. Your therapist will make one with you.
          </Text>
        )}
        <Button
          component={Link}
          to="/home/safety-plan"
          variant="white"
          color="red.9"
          size="md"
          fullWidth
          maw={{ sm: 360 }}
          leftSection={<IconLifebuoy size={20} aria-hidden />}
          h="auto"
          mih={44}
          py={8}
          styles={{ label: { whiteSpace: 'normal' } }}
          style={{ border: '2px solid var(--mantine-color-red-8)' }}
        >
          Open my whole safety plan
        </Button>
      </Stack>
    </div>
  );
}

/**
 * Issue 17: the safety path on the phone when the answers were made offline. The crisis numbers and the
 * safety plan come from the phone (kept at the last sync); the care team is told as soon as the answers are
 * sent, and the words say so rather than "has been told".
 */
export function OfflineCrisisPanel({ patientId }: { patientId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="crisis-heading"
      className={classes.crisis}
      data-testid="crisis-resources"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="crisis-heading" c="red.9">
          You do not have to face this alone
        </Title>
        <Text>
          You told us you have had thoughts of being better off dead or of hurting yourself. Thank you for
          telling us. Your phone is offline: your care team will be told as soon as it is back online. If you
          might act on these thoughts, or you feel unsafe now, reach out right away:
        </Text>
        <CrisisResources patientId={patientId} situation="self_harm" />
        <Divider color="red.3" />
        <Button
          component={Link}
          to="/home/safety-plan"
          variant="white"
          color="red.9"
          size="md"
          fullWidth
          maw={{ sm: 360 }}
          leftSection={<IconLifebuoy size={20} aria-hidden />}
          h="auto"
          mih={44}
          py={8}
          styles={{ label: { whiteSpace: 'normal' } }}
          style={{ border: '2px solid var(--mantine-color-red-8)' }}
        >
          Open my safety plan
        </Button>
      </Stack>
    </div>
  );
}
