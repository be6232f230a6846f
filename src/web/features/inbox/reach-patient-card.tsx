import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { Alert } from '../../../shared/alerts/api';
import type { AlertPatientSummary } from '../../../shared/alerts/patient-summary';
import { telHref } from '../../../shared/crisis/links';
import { CrisisResourceList } from '../../components/crisis-resources';
import { formatDateTime, formatDay, formatTime } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { alertTypeLabel } from './alert-words';
import { useAlertPatientSummary } from './reach-patient-api';

type SafetyPlan = NonNullable<AlertPatientSummary['safetyPlan']>;

const teamRoleWords: Record<string, string> = {
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  care_manager: 'Care manager',
};

/** Shown instead of the patient-page link to someone an open alert was escalated to (issue 12). */
export function isEscalatedToMe(alert: Alert, userId: string): boolean {
  return (
    alert.state !== 'resolved' && alert.routedTo.some((r) => r.userId === userId && r.reason === 'escalated')
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Stack gap={4} component="section" aria-labelledby={id}>
      <Title order={3} size="h6" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function CallButton({ phone, label }: { phone: string; label: string }) {
  return (
    <Button
      component="a"
      href={telHref(phone)}
      color="red.8"
      size="md"
      leftSection={<IconPhone size={18} aria-hidden />}
      maw={{ sm: 360 }}
      styles={{ label: { whiteSpace: 'normal' } }}
      h="auto"
      mih={44}
      py={8}
    >
      {label}
    </Button>
  );
}

function SafetyPlanView({ plan }: { plan: SafetyPlan }) {
  const lines = (title: string, items: string[]) =>
    items.length > 0 && (
      <div>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <List size="sm" spacing={2}>
          {items.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </div>
    );
  const contacts = (title: string, items: SafetyPlan['peopleICanAskForHelp']) =>
    items.length > 0 && (
      <div>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <List size="sm" spacing={2}>
          {items.map((c) => (
            <List.Item key={`${c.name}-${c.phone ?? ''}`}>
              {c.name}
              {c.phone && (
                <>
                  {': '}
                  <Anchor href={telHref(c.phone)} underline="always">
                    {c.phone}
                  </Anchor>
                </>
              )}
            </List.Item>
          ))}
        </List>
      </div>
    );
  return (
    <Stack gap={6}>
      {lines('Warning signs', plan.warningSigns)}
      {lines('Things they can do on their own', plan.thingsICanDoOnMyOwn)}
      {lines('People and places that help', plan.peopleAndPlacesThatHelp)}
      {contacts('People they can ask for help', plan.peopleICanAskForHelp)}
      {contacts('Professionals and crisis lines', plan.professionalsAndCrisisLines)}
      {lines('Making their surroundings safer', plan.makingMySurroundingsSafer)}
    </Stack>
  );
}

function SummaryView({ summary: s, now }: { summary: AlertPatientSummary; now: number }) {
  const p = s.patient;
  const name = `${p.givenName} ${p.familyName}`;
  return (
    <Stack gap="md" data-testid="reach-patient-summary">
      <Section title={name}>
        <Text size="sm">
          {p.age !== null ? `${String(p.age)} years · ` : ''}born {formatDay(p.birthDate)} · {p.countryName}
        </Text>
        <Text size="sm">
          Their local time (when loaded): {formatTime(now, p.timeZone)} ({p.timeZone})
        </Text>
        <Group gap="sm" wrap="wrap" align="center">
          {p.phone ? (
            <CallButton phone={p.phone} label={`Call ${p.givenName}: ${p.phone}`} />
          ) : (
            <Text size="sm" fw={600}>
              No phone number on record.
            </Text>
          )}
          <Anchor href={`mailto:${p.email}`} size="sm" underline="always">
            <Group gap={4} component="span">
              <IconMail size={16} aria-hidden /> {p.email}
            </Group>
          </Anchor>
        </Group>
      </Section>

      <Section title="What raised the alert">
        <Text size="sm">
          {alertTypeLabel(s.alert.type)}, {formatDateTime(s.alert.createdAt)} (
          {formatDateTime(s.alert.createdAt, p.timeZone)} their time)
        </Text>
        {s.alert.details && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {s.alert.details}
          </Text>
        )}
      </Section>

      <Section title="Their safety plan">
        {s.safetyPlan ? (
          <SafetyPlanView plan={s.safetyPlan} />
        ) : (
          <Text size="sm">No agreed safety plan yet.</Text>
        )}
      </Section>

      <Section title="Care team">
        {s.careTeam.length === 0 ? (
          <Text size="sm">No one is on the care team.</Text>
        ) : (
          <List size="sm" spacing={2}>
            {s.careTeam.map((m) => (
              <List.Item key={m.userId}>
                {m.name} ({teamRoleWords[m.role] ?? m.role}):{' '}
                <Anchor href={`mailto:${m.email}`} underline="always">
                  {m.email}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <details>
        <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 }}>
          Crisis and emergency numbers in {s.crisis.countryName}
        </summary>
        <div style={{ marginTop: 8 }}>
          <CrisisResourceList set={s.crisis} />
        </div>
      </details>
    </Stack>
  );
}

/**
 * "Reach the patient" (issue 12): for the on-call clinician or clinical lead an urgent alert was escalated
 * to, who is off the patient's care team and cannot open the patient page. The details load only when
 * asked for (each look is recorded in the patient's access report) and only while the alert is open.
 */
export function ReachPatientCard({ alert }: { alert: Alert }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const query = useAlertPatientSummary(alert.id, open);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby={headingId}
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id={headingId}>
          Reach the patient: {alert.patientName}
        </Title>
        <Text size="sm">
          This alert was escalated to you. Until it is resolved you can see how to reach the patient, what
          raised the alert and their safety plan. Each look is recorded in the patient&apos;s access report.
        </Text>
        {!open && (
          <Button
            onClick={() => setOpen(true)}
            variant="filled"
            color="red.8"
            leftSection={<IconPhone size={18} aria-hidden />}
            maw={{ sm: 360 }}
            h="auto"
            mih={44}
            py={8}
            styles={{ label: { whiteSpace: 'normal' } }}
          >
            Show contact details and safety plan
          </Button>
        )}
        {open && (
          <div aria-live="polite">
            {query.isPending && <LoadingState label="Loading the patient's contact details…" />}
            {query.isError && (
              <ErrorState
                error={query.error}
                title="The contact details could not be loaded (the alert may be resolved)"
                onRetry={() => void query.refetch()}
              />
            )}
            {query.data && <SummaryView summary={query.data} now={query.dataUpdatedAt} />}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
