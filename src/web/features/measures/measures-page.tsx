import {
  Alert as Callout,
  Anchor,
  Button,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertOctagon, IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Instrument, MeasureResponse } from '../../../shared/measures/api';
import { SoftBadge } from '../../components/badges';
import { formatDateTime, fullName } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { usePatientAlerts } from '../inbox/api';
import { usePatient } from '../patients/api';
import { usePlanHistory } from '../treatment-plan/api';
import { useMedications } from '../medications/api';
import type { Medication } from '../../../shared/medications/schemas';
import { useInstruments, useMeasureResponses, useOlderMeasureResponses } from './api';
import { InSessionForm } from './in-session-form';
import { SOURCE_LABELS, changeWords, interpretationWords } from './measure-words';
import { RiskAssessmentForm, RiskAssessmentHistory, SELF_HARM_ALERT } from './risk-assessment';
import { ScoreChart, type PlanChange } from './score-chart';
import { BaselineChoice } from './baseline-choice';

function ResponsesTable({
  responses,
  instruments,
  hasMore,
}: {
  responses: MeasureResponse[];
  instruments: Instrument[];
  hasMore: boolean;
}) {
  const nameOf = (id: string) => instruments.find((i) => i.id === id)?.name ?? id;
  const sorted = [...responses].sort((a, b) => b.answeredAt - a.answeredAt);
  if (sorted.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="md">
        No questionnaires answered yet.
      </Text>
    );
  }
  return (
    <ScrollTable label="Questionnaire responses table">
      <Table verticalSpacing={6} horizontalSpacing="sm" striped miw={760} fz="sm">
        <Table.Caption>
          {hasMore
            ? `Showing the latest ${String(sorted.length)} responses, newest first (older ones are not shown)`
            : `${String(sorted.length)} responses, newest first`}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Answered</Table.Th>
            <Table.Th scope="col">Questionnaire</Table.Th>
            <Table.Th scope="col">Total</Table.Th>
            <Table.Th scope="col">Severity</Table.Th>
            <Table.Th scope="col">Change from baseline</Table.Th>
            <Table.Th scope="col">Interpretation</Table.Th>
            <Table.Th scope="col">Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => {
            const words = interpretationWords(r);
            return (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.answeredAt)}</Table.Td>
                <Table.Td>{nameOf(r.instrument)}</Table.Td>
                <Table.Td>
                  {r.total ?? (
                    <Text span size="sm" c="dimmed">
                      {r.incompleteReason ?? 'No total'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.severity?.label ?? '—'}</Table.Td>
                <Table.Td>{r.interpretation.isBaseline ? 'Baseline' : (changeWords(r) ?? '—')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {r.item9 !== null && r.item9 > 0 && (
                      <SoftBadge color="red">Item 9: {String(r.item9)}</SoftBadge>
                    )}
                    {words.length === 0 ? '—' : words.join(', ')}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {SOURCE_LABELS[r.source]}
                  <Text span size="xs" c="dimmed">
                    {r.source === 'in_session' ? ` · ${r.enteredBy.name}` : ''}
                    {r.backdateReason ? ` · dated back: ${r.backdateReason}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Open self-harm alerts for this patient, each with the risk-assessment form that resolves it. */
function OpenSelfHarmAlerts({ patientId }: { patientId: string }) {
  const alerts = usePatientAlerts(patientId);
  const open = (alerts.data ?? []).filter((a) => a.type === SELF_HARM_ALERT && a.state !== 'resolved');
  if (open.length === 0) return null;
  return (
    <Stack gap="sm">
      {open.map((alert) => (
        <Paper
          key={alert.id}
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-labelledby={`self-harm-${alert.id}`}
          style={{ borderLeft: '4px solid var(--mantine-color-red-8)' }}
        >
          <Title order={2} size="h4" id={`self-harm-${alert.id}`} c="red.9" mb={4}>
            <IconAlertOctagon size={20} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> Urgent:{' '}
            {alert.title}
          </Title>
          <Text size="sm" mb="sm">
            Raised {formatDateTime(alert.createdAt)}. Contact the patient today and record the risk
            assessment; it resolves the alert for the whole team.
          </Text>
          <RiskAssessmentForm patientId={patientId} alert={alert} />
        </Paper>
      ))}
    </Stack>
  );
}

/** `/patients/:patientId/measures`: symptoms over time, responses, answers given in session, risk. */
/** Medication starts, dose changes, pauses and stops up to today, as chart marks (noon UTC of the day). */
function medicationChanges(meds: readonly Medication[], today: string): PlanChange[] {
  const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
  const out: PlanChange[] = [];
  for (const m of meds) {
    for (const [i, p] of m.periods.entries()) {
      if (p.from > today) continue;
      const dose = p.paused ? 'paused' : `${String(p.doseAmount)} ${p.doseUnit}`;
      out.push({ at: at(p.from), label: `${m.name} ${i === 0 ? 'start ' : ''}${dose}`, kind: 'medication' });
    }
    if (m.endDate !== null && m.endDate <= today)
      out.push({ at: at(m.endDate), label: `${m.name} stopped`, kind: 'medication' });
  }
  return out;
}

export function MeasuresPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const instruments = useInstruments();
  const responses = useMeasureResponses(patientId);
  const older = useOlderMeasureResponses(patientId);
  const history = usePlanHistory(patientId);
  const [recording, setRecording] = useState(false);

  const medications = useMedications(patientId);
  const planChanges = useMemo<PlanChange[]>(
    () => [
      ...(history.data?.entries ?? [])
        .filter((e) => e.action === 'agreed')
        .map((e) => ({ at: e.at, label: `Plan v${String(e.versionNumber)}`, kind: 'plan' as const })),
      ...medicationChanges(medications.data?.medications ?? [], medications.data?.today ?? ''),
    ],
    [history.data, medications.data],
  );

  const name = patient.data ? fullName(patient.data) : 'Patient';
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name}
      </Anchor>
      <div>
        <PageTitle documentTitle={`Symptoms · ${name}`}>{`Symptoms: ${name}`}</PageTitle>
        <Text c="dimmed">PHQ-9 and GAD-7 over time, with what the team changed.</Text>
      </div>
      {patient.isError && <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />}

      <OpenSelfHarmAlerts patientId={patientId} />

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="charts-heading">
        <Title order={2} size="h4" id="charts-heading" mb="xs">
          Scores over time
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Shaded: severity bands. Dashed: response (50% of baseline). Dotted: remission. Purple lines: agreed
          plan versions. Teal lines: medication starts, dose changes and stops.
        </Text>
        {(instruments.isPending || responses.isPending) && <LoadingState label="Loading scores…" />}
        {instruments.isError && (
          <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} />
        )}
        {responses.isError && <ErrorState error={responses.error} onRetry={() => void responses.refetch()} />}
        {instruments.data && responses.data && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {instruments.data.map((instrument) => (
              <ScoreChart
                key={instrument.id}
                instrument={instrument}
                responses={responses.data}
                planChanges={planChanges}
              />
            ))}
          </SimpleGrid>
        )}
      </Paper>

      <Paper withBorder radius="md" component="section" aria-labelledby="responses-heading">
        <Group justify="space-between" p="md" pb={0} gap="xs">
          <Title order={2} size="h4" id="responses-heading">
            Responses
          </Title>
          <Button
            size="xs"
            variant={recording ? 'default' : 'light'}
            onClick={() => setRecording((r) => !r)}
            aria-expanded={recording}
            aria-controls="in-session-panel"
          >
            {recording ? 'Close' : 'Record answers given in session'}
          </Button>
        </Group>
        <Collapse expanded={recording}>
          <div id="in-session-panel">
            {recording && instruments.data && (
              <Paper m="md" p="md" withBorder radius="md" bg="gray.0">
                <Title order={3} size="h5" mb="xs">
                  Record answers given in session
                </Title>
                <InSessionForm instruments={instruments.data} patientId={patientId} />
              </Paper>
            )}
          </div>
        </Collapse>
        {responses.data && instruments.data && (
          <ResponsesTable
            responses={responses.data}
            instruments={instruments.data}
            hasMore={older.data === true}
          />
        )}
        {responses.data && instruments.data && (
          <BaselineChoice patientId={patientId} responses={responses.data} instruments={instruments.data} />
        )}
      </Paper>

      <RiskAssessmentHistory patientId={patientId} />
      {history.isError && (
        <Callout color="orange" variant="light">
          Plan changes could not be loaded, so they are not marked on the charts.
        </Callout>
      )}
    </Stack>
  );
}
