import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { interferenceLabel } from '../../../shared/side-effects/interference';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import type { SideEffectReport } from './api';
import { doseWords, severityColor, severityLabel, symptomList } from './words';

/** The facts of one report, as both the patient and the team read them. */
export function ReportFacts({ report }: { report: SideEffectReport }) {
  const dose = report.medication ? doseWords(report.medication) : null;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>
          {report.medication ? report.medication.name : 'Medication not named'}
          {dose ? ` · ${dose}` : ''}
        </Text>
        <SoftBadge color={severityColor[report.severity]}>{severityLabel(report.severity)}</SoftBadge>
        {report.wantsToStop && <SoftBadge color="red">Wants to stop or change</SoftBadge>}
        {report.urgentSymptoms.length > 0 && (
          <SoftBadge color="red">
            Urgent symptoms: {symptomList(report.urgentSymptoms).toLowerCase()}
          </SoftBadge>
        )}
      </Group>
      {report.symptoms.length > 0 && <Text size="sm">{symptomList(report.symptoms)}</Text>}
      {report.otherText !== '' && (
        <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
          “{report.otherText}”
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Gets in the way of daily life: {report.interference}/6 (
        {interferenceLabel(report.interference).toLowerCase()}) · {formatDateTime(report.reportedAt)}
      </Text>
    </Stack>
  );
}

/** What was done about a report, and by whom. */
export function AnswerList({
  report,
  words,
  conversationPath,
}: {
  report: SideEffectReport;
  words: Record<SideEffectReport['answers'][number]['kind'], string>;
  conversationPath: (conversationId: string) => string;
}) {
  if (report.answers.length === 0) return null;
  return (
    <List spacing={6} size="sm" aria-label="What was done">
      {report.answers.map((a) => (
        <List.Item key={a.id}>
          <Text size="sm" span fw={600}>
            {words[a.kind]}
          </Text>{' '}
          <Text size="sm" span c="dimmed">
            by {a.byName}, {formatDateTime(a.answeredAt)}
          </Text>
          {a.kind === 'dose_change' && a.changeSummary && <Text size="sm">{a.changeSummary}</Text>}
          {a.note !== '' && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.note}
            </Text>
          )}
          {a.conversationId && (
            <Text size="sm">
              <Anchor component={Link} to={conversationPath(a.conversationId)}>
                Open the conversation
              </Anchor>
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
