import { Alert, Anchor, Button, Card, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCircleCheck, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useAcknowledgePlan, usePatientPlanView, useSafetyPlan } from './api';
import { PlanComments } from './plan-comments';
import { CrisisResources } from '../../components/crisis-resources';

function BackHome() {
  return (
    <Anchor component={Link} to="/home" size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
    </Anchor>
  );
}

/** `/home/plan`: the agreed plan in plain words, with acknowledgement and questions. */
export function PatientPlanPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const view = usePatientPlanView(patientId);
  const acknowledge = useAcknowledgePlan(patientId);
  return (
    <Stack gap="lg">
      <BackHome />
      <PageTitle>Your treatment plan</PageTitle>
      {view.isPending && <LoadingState label="Loading your plan…" />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data === null && (
        <Text>
          Your care team has not agreed a plan with you yet. When your therapist and prescriber have both
          signed it, you will find it here.
        </Text>
      )}
      {view.data && (
        <>
          <Text>{view.data.introduction}</Text>
          {view.data.medicationNotice && (
            <Alert color="orange" variant="light" title="Your medicines have changed">
              {view.data.medicationNotice}
            </Alert>
          )}
          {view.data.sections.map((section) => (
            <Card
              key={section.key}
              withBorder
              radius="md"
              padding="md"
              component="section"
              aria-labelledby={`plan-${section.key}`}
            >
              <Title order={2} size="h3" id={`plan-${section.key}`}>
                {section.heading}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {section.purpose}
              </Text>
              {section.whatWeAgreed.length > 0 && (
                <>
                  <Text fw={700} size="sm">
                    What we agreed
                  </Text>
                  <List size="sm" spacing={4} mb="xs">
                    {section.whatWeAgreed.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {section.whatYouCanDo.length > 0 && (
                <>
                  <Text fw={700} size="sm">
                    What you can do
                  </Text>
                  <List size="sm" spacing={4}>
                    {section.whatYouCanDo.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Card>
          ))}
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="acknowledge-heading">
            <Title order={2} size="h4" id="acknowledge-heading" mb="xs">
              Your agreement
            </Title>
            {view.data.acknowledgedAt !== null ? (
              <Text>
                <IconCircleCheck size={18} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> You
                acknowledged this plan on {formatDateTime(view.data.acknowledgedAt)}.
              </Text>
            ) : (
              <Stack gap="sm">
                <Text size="sm">
                  Tell your care team you have read the plan and agree to work with it. You can still ask
                  about anything below.
                </Text>
                {acknowledge.isError && (
                  <Alert color="red" variant="light" role="alert">
                    {errorMessage(acknowledge.error)}
                  </Alert>
                )}
                <Button
                  size="md"
                  fullWidth
                  maw={{ sm: 360 }}
                  h="auto"
                  mih={44}
                  py={8}
                  styles={{ label: { whiteSpace: 'normal' } }}
                  loading={acknowledge.isPending}
                  onClick={() =>
                    acknowledge.mutate(undefined, {
                      onSuccess: () =>
                        notifications.show({
                          color: 'green',
                          title: 'Thank you',
                          message: 'Your care team can see that you read your plan.',
                        }),
                    })
                  }
                >
                  I have read my plan and agree
                </Button>
              </Stack>
            )}
          </Paper>
          <PlanComments patientId={patientId} versionNumber={view.data.versionNumber} audience="patient" />
        </>
      )}
    </Stack>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  const id = `safety-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** `/home/safety-plan`: the patient's safety plan, one tap from anywhere, with crisis numbers first. */
export function SafetyPlanPage() {
  const user = useCurrentUser();
  const safety = useSafetyPlan(user.patientId ?? '');
  const plan = safety.data?.safetyPlan;
  const lines = (items: string[]) =>
    items.length === 0 ? (
      <Text size="sm" c="dimmed">
        Nothing written here yet. You can fill this in with your therapist.
      </Text>
    ) : (
      <List spacing={4}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    );
  const contacts = (items: { name: string; phone: string | null }[]) =>
    items.length === 0 ? (
      <Text size="sm" c="dimmed">
        No one listed yet.
      </Text>
    ) : (
      <Stack gap="xs">
        {items.map((c) => (
          <Stack key={`${c.name}-${c.phone ?? ''}`} gap={4}>
            <Text fw={600}>{c.name}</Text>
            {c.phone && (
              <Button
                component="a"
                href={telHref(c.phone)}
                variant="light"
                leftSection={<IconPhone size={16} aria-hidden />}
                fullWidth
                maw={{ sm: 320 }}
              >
                Call {c.phone}
              </Button>
            )}
          </Stack>
        ))}
      </Stack>
    );
  return (
    <Stack gap="md">
      <BackHome />
      <PageTitle>My safety plan</PageTitle>
      <Alert color="red" variant="light" title="If you are in danger now" role="note">
        {/* The numbers for the patient's own country, crisis line first (shared/crisis, issue 12). */}
        <CrisisResources patientId={user.patientId ?? ''} situation="self_harm" />
      </Alert>
      {safety.isPending && <LoadingState label="Loading your safety plan…" />}
      {safety.isError && <ErrorState error={safety.error} onRetry={() => void safety.refetch()} />}
      {safety.data && !plan && (
        <Text>Your safety plan is not written yet. Your therapist will write it with you.</Text>
      )}
      {plan && (
        <>
          <Block title="My warning signs">{lines(plan.warningSigns)}</Block>
          <Block title="Things I can do on my own">{lines(plan.thingsICanDoOnMyOwn)}</Block>
          <Block title="People and places that help">{lines(plan.peopleAndPlacesThatHelp)}</Block>
          <Block title="People I can ask for help">{contacts(plan.peopleICanAskForHelp)}</Block>
          <Block title="Professionals and crisis lines">{contacts(plan.professionalsAndCrisisLines)}</Block>
          <Block title="Making my surroundings safer">{lines(plan.makingMySurroundingsSafer)}</Block>
        </>
      )}
    </Stack>
  );
}
