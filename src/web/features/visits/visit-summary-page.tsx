import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import type { VisitSummary } from '../../../shared/visit-agenda/visit-summary-schema';
import {
  addresseeWords,
  adherenceWords,
  answerKindWords,
  appointmentTypeWords,
  scoreLine,
  sinceWords,
} from '../../../shared/visit-agenda/visit-summary-words';
import { summaryPath, useMarkDiscussed, useVisitSummary } from './api';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `summary-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const none = (words: string) => (
  <Text size="sm" c="dimmed">
    {words}
  </Text>
);

function AgendaSection({ patientId, summary }: { patientId: string; summary: VisitSummary }) {
  const mark = useMarkDiscussed(patientId);
  return (
    <Section title="What the patient wants to talk about">
      {summary.agenda.length === 0 && none('No items added.')}
      <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
        {summary.agenda.map((i) => (
          <Card component="li" key={i.id} withBorder padding="sm" radius="sm">
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{i.text}</Text>
            <Group gap="xs" mt={6}>
              <Badge variant="light">{addresseeWords[i.addressedTo]}</Badge>
              {i.status === 'discussed' ? (
                <Badge color="green">Discussed{i.discussedByName ? ` · ${i.discussedByName}` : ''}</Badge>
              ) : (
                <Button
                  size="compact-sm"
                  variant="light"
                  loading={mark.isPending && mark.variables.id === i.id}
                  onClick={() => {
                    mark.mutate(i);
                  }}
                >
                  Mark discussed
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {mark.isError && (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(mark.error)}
        </Text>
      )}
    </Section>
  );
}

/** The visit summary (issue 14): "since last visit" for the appointment's clinician, on screen and printed. */
export function VisitSummaryPage() {
  const { patientId = '', appointmentId = '' } = useParams();
  const summary = useVisitSummary(patientId, appointmentId);
  const s = summary.data;
  return (
    <Stack gap="md" maw={900}>
      <PageTitle documentTitle="Visit summary">Visit summary</PageTitle>
      {summary.isPending && <LoadingState label="Gathering everything since the last visit…" />}
      {summary.isError && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
      {s && (
        <>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div>
              <Text fw={700}>
                {s.patient.name} · {appointmentTypeWords[s.appointment.type] ?? s.appointment.type} on{' '}
                {s.appointment.day} at {s.appointment.time} with {s.appointment.clinicianName}
              </Text>
              <Text size="sm">{sinceWords(s)}</Text>
            </div>
            <Button
              component="a"
              href={`${summaryPath(patientId, appointmentId)}.pdf`}
              download
              leftSection={<IconPrinter size={18} aria-hidden />}
            >
              Print (PDF)
            </Button>
          </Group>
          <AgendaSection patientId={patientId} summary={s} />
          <Section title="Scores">
            <List size="sm">
              {s.scores.map((x) => (
                <List.Item key={x.instrument}>{scoreLine(x)}</List.Item>
              ))}
            </List>
          </Section>
          <Section title="Medicines">
            {s.medications.length === 0 && none('No medicines in this time.')}
            <List size="sm">
              {s.medications.map((m) => (
                <List.Item key={m.id}>
                  <Text size="sm" fw={600} span>
                    {m.name}
                    {m.dose ? ` ${m.dose}` : ' (stopped or paused)'}
                  </Text>
                  : adherence {adherenceWords(m)}
                  {m.changes.map((c) => (
                    <Text size="sm" key={c.id}>
                      {c.day}: {c.summary}
                      {c.reason ? ` (${c.reason})` : ''}
                    </Text>
                  ))}
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title="Side effects">
            {s.sideEffects.length === 0 && none('No side-effect reports.')}
            <List size="sm">
              {s.sideEffects.map((r) => (
                <List.Item key={r.id}>
                  {r.day}: {r.severity}, {r.symptoms.join(', ')}
                  {r.medicationName ? ` (${r.medicationName})` : ''} —{' '}
                  {r.answers.length === 0
                    ? 'not answered yet'
                    : r.answers
                        .map((a) => `${answerKindWords[a.kind] ?? a.kind}${a.note ? `: ${a.note}` : ''}`)
                        .join('; ')}
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title="Practice done">
            {s.practice.length === 0 && none('No practice entries shared with you.')}
            <List size="sm">
              {s.practice.map((p) => (
                <List.Item key={p.type}>
                  {p.label}: {p.done} {p.done === 1 ? 'entry' : 'entries'}, last on {p.lastDay}
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title="Feedback">
            {s.feedback.sessionRatings.length + s.feedback.whatHelps.length === 0 &&
              none('No feedback in this time.')}
            <List size="sm">
              {s.feedback.sessionRatings.map((r) => (
                <List.Item key={`s-${r.day}`}>
                  {r.day}: goals {r.goalsRating}/10, felt heard {r.heardRating}/10
                </List.Item>
              ))}
              {s.feedback.whatHelps.map((h) => (
                <List.Item key={`h-${h.day}`}>
                  {h.day}: what helps —{' '}
                  {h.parts
                    .map((p) => `${p.label} ${p.score === null ? 'not rated' : String(p.score)}`)
                    .join(', ')}
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title="Open alerts">
            {s.openAlerts.length === 0 && none('No open alerts.')}
            <List size="sm">
              {s.openAlerts.map((a) => (
                <List.Item key={a.id}>
                  {a.day}: {a.title} ({a.severity}, {a.state})
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title={`What the ${s.otherClinician.role} did`}>
            {s.otherClinician.entries.length === 0 && none('Nothing recorded in this time.')}
            <List size="sm">
              {s.otherClinician.entries.map((e, i) => (
                <List.Item key={i}>
                  {e.day}: {e.what}
                </List.Item>
              ))}
            </List>
          </Section>
          <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}/timeline`}>
            Open the timeline
          </Anchor>
        </>
      )}
    </Stack>
  );
}
