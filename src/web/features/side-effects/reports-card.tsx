import { Alert, Button, Card, Group, Select, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { GuideLink } from '../medication-guides/guide-link';
import { useMedications } from '../medications/api';
import { ChangeMedicationModal } from '../medications/change-medication-modal';
import {
  sideEffectKeys,
  useAnswerReport,
  useSideEffectReports,
  useSideEffectReportsCut,
  type SideEffectReport,
} from './api';
import { SIDE_EFFECT_REPORTS_MAX } from '../../../shared/lists/limits';
import { AnswerList, ReportFacts } from './report-summary';
import { answerKindLabels } from './words';

type Kind = 'message' | 'dose_change' | 'advice';

/** The prescriber's answer: a message to the patient, a dose change from the history, or advice / no change. */
function AnswerForm({
  patientId,
  report,
  onDone,
}: {
  patientId: string;
  report: SideEffectReport;
  onDone: () => void;
}) {
  const [id, setId] = useState(newClientId);
  const [kind, setKind] = useState<Kind>('message');
  const [note, setNote] = useState('');
  const [picked, setChangeId] = useState<string | null>(null);
  // The newest change since the report (e.g. one just made below) is the default choice.
  const changeId = picked ?? report.changeOptions[0]?.id ?? null;
  const answer = useAnswerReport(patientId, report.id);

  const onSubmit = (event: SyntheticEvent) => {
    // The change modal's own form submits through React's tree (portals bubble): not this answer.
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    answer.mutate(
      {
        id,
        kind,
        note: note.trim(),
        ...(kind === 'dose_change' && changeId ? { medicationChangeId: changeId } : {}),
      },
      {
        onSuccess: () => {
          setId(newClientId());
          setNote('');
          onDone();
        },
      },
    );
  };
  const noteLabel =
    kind === 'message'
      ? 'Your message to the patient'
      : kind === 'advice'
        ? 'Advice or reason for no change'
        : 'Note (optional)';
  const canSend = kind === 'dose_change' ? changeId !== null : note.trim() !== '';

  return (
    <form
      onSubmit={onSubmit}
      aria-label={`Answer the report of ${new Date(report.reportedAt).toLocaleDateString()}`}
    >
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v)}
          data={(['message', 'dose_change', 'advice'] as const).map((k) => ({
            value: k,
            label: answerKindLabels[k],
          }))}
          fullWidth
        />
        {kind === 'dose_change' && (
          <Stack gap="xs">
            {report.changeOptions.length > 0 ? (
              <Select
                label="The change that answers this report"
                description="From this medication's history since the report"
                data={report.changeOptions.map((c) => ({
                  value: c.id,
                  label: c.summary.includes(c.effectiveOn)
                    ? c.summary
                    : `${c.summary} (from ${c.effectiveOn})`,
                }))}
                value={changeId}
                onChange={setChangeId}
                allowDeselect={false}
              />
            ) : (
              <Text size="sm" c="dimmed">
                No change to this medication since the report yet.
              </Text>
            )}
            {report.medication && <ChangeDoseButton patientId={patientId} report={report} />}
          </Stack>
        )}
        <Textarea
          label={noteLabel}
          description={
            kind === 'message'
              ? 'Sent to the patient as a new conversation.'
              : 'The patient sees this with the report.'
          }
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {answer.isError && (
          <Alert color="red" role="alert">
            {errorMessage(answer.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={answer.isPending} disabled={!canSend}>
            {kind === 'message' ? 'Send and record' : 'Record answer'}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Opens the medications feature's change flow for the suspected medication, marked as answering this report
 * (the change records side_effect_report_id); the new change then shows up above to record as the answer.
 */
function ChangeDoseButton({ patientId, report }: { patientId: string; report: SideEffectReport }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const meds = useMedications(patientId);
  const medication = meds.data?.medications.find((m) => m.id === report.medication?.id);
  if (!medication || !meds.data) return null;
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {`Change the dose of ${medication.name}…`}
      </Button>
      {open && (
        <ChangeMedicationModal
          patientId={patientId}
          medication={medication}
          action="change_dose"
          today={meds.data.today}
          sideEffectReportId={report.id}
          onClose={() => {
            setOpen(false);
            void queryClient.invalidateQueries({ queryKey: sideEffectKeys.all(patientId) });
          }}
        />
      )}
    </>
  );
}

function ReportItem({
  patientId,
  report,
  canAnswer,
}: {
  patientId: string;
  report: SideEffectReport;
  canAnswer: boolean;
}) {
  const [answering, setAnswering] = useState(false);
  return (
    <Card component="li" withBorder radius="md" padding="sm" data-testid="side-effect-report">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <ReportFacts report={report} />
          {report.state === 'open' ? (
            <SoftBadge color={report.urgent ? 'red' : 'yellow'}>
              {report.urgent ? 'Open · urgent' : 'Open'}
            </SoftBadge>
          ) : (
            <SoftBadge color="green">Answered</SoftBadge>
          )}
        </Group>
        <AnswerList
          report={report}
          words={answerKindLabels}
          conversationPath={(id) => `/patients/${encodeURIComponent(patientId)}/messages/${id}`}
        />
        <Group gap="sm">
          {canAnswer && !answering && (
            <Button
              size="xs"
              variant={report.state === 'open' ? 'filled' : 'default'}
              onClick={() => setAnswering(true)}
            >
              {report.state === 'open' ? 'Answer' : 'Add an answer'}
            </Button>
          )}
          {report.medication && <GuideLink guideKey={report.medication.guideKey} size="sm" />}
        </Group>
        {answering && <AnswerForm patientId={patientId} report={report} onDone={() => setAnswering(false)} />}
      </Stack>
    </Card>
  );
}

/**
 * Side-effect reports on the clinician's view of a patient: the prescriber answers here; the therapist and
 * care manager read them to talk about in session. `limit` keeps a compact view on the patient page.
 */
export function SideEffectReportsCard({ patientId, limit }: { patientId: string; limit?: number }) {
  const user = useCurrentUser();
  const reports = useSideEffectReports(patientId);
  const cut = useSideEffectReportsCut(patientId);
  const list = reports.data ?? [];
  const open = list.filter((r) => r.state === 'open').length;
  const shown = limit ? list.slice(0, limit) : list;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="side-effect-reports-heading"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="side-effect-reports-heading">
            Side-effect reports
          </Title>
          {open > 0 && <SoftBadge color="yellow">{`${String(open)} open`}</SoftBadge>}
        </Group>
        {reports.isPending && <LoadingState label="Loading side-effect reports…" />}
        {reports.isError && <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />}
        {cut && (
          <Text size="xs" c="dimmed">
            Showing the latest {SIDE_EFFECT_REPORTS_MAX} reports (every open one included); older ones are not
            listed.
          </Text>
        )}
        {reports.data && list.length === 0 && (
          <Text size="sm" c="dimmed">
            No side effects reported.
          </Text>
        )}
        {shown.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {shown.map((r) => (
              <ReportItem
                key={r.id}
                patientId={patientId}
                report={r}
                canAnswer={user.role === 'prescriber'}
              />
            ))}
          </Stack>
        )}
        {limit !== undefined && list.length > limit && (
          <Text size="sm" c="dimmed">
            {`${String(list.length - limit)} earlier ${list.length - limit === 1 ? 'report' : 'reports'} not shown.`}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
