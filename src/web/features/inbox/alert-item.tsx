import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Alert } from '../../../shared/alerts/api';
import { formatDateTime } from '../../components/format';
import { RiskAssessmentButton } from '../measures/risk-assessment';
import { AlertActions } from './alert-actions';
import { alertTypeLabel, followUpLine, historyLine, stateLine } from './alert-words';
import { AlertStateBadge, SeverityBadge } from './severity-badge';
import { useCurrentUser } from '../../app/session';
import { isEscalatedToMe, ReachPatientCard } from './reach-patient-card';
import { alertLink } from '../../../shared/alerts/alert-link';

/** One alert: severity, title, patient, details, routing and state, with the actions it still allows. */
export function AlertItem({ alert, showPatient = true }: { alert: Alert; showPatient?: boolean }) {
  const handled = stateLine(alert);
  const followUp = followUpLine(alert);
  const escalated = alert.routedTo.filter((r) => r.reason === 'escalated');
  // Someone an open alert was escalated to is off the care team: the patient page is closed to them, so
  // they get "Reach the patient" instead (issue 12).
  const reachInstead = isEscalatedToMe(alert, useCurrentUser().id);
  const link = alertLink(alert);
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      aria-label={`${alert.severity === 'urgent' ? 'Urgent: ' : ''}${alert.title}`}
      style={
        alert.severity === 'urgent' && alert.state !== 'resolved'
          ? { borderLeft: '4px solid var(--mantine-color-red-8)' }
          : undefined
      }
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <SeverityBadge severity={alert.severity} />
          <AlertStateBadge state={alert.state} />
          <Text size="xs" c="dimmed">
            {alertTypeLabel(alert.type)} · {formatDateTime(alert.createdAt)}
          </Text>
        </Group>
        <Text fw={700}>{alert.title}</Text>
        {showPatient && reachInstead && <ReachPatientCard alert={alert} />}
        {showPatient && !reachInstead && (
          <Anchor component={Link} to={`/patients/${alert.patientId}`} size="sm" fw={600}>
            {alert.patientName}
          </Anchor>
        )}
        {alert.details && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {alert.details}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          For {alert.routedTo.map((r) => r.name).join(', ') || 'the care team'}
          {alert.escalatedAt !== null &&
            ` · escalated ${formatDateTime(alert.escalatedAt)}${escalated.length > 0 ? ` to ${escalated.map((r) => r.name).join(', ')}` : ''}`}
        </Text>
        {followUp && (
          <Text size="sm" fw={700} c={alert.lifecycle.followUpOverdue ? 'red.9' : undefined}>
            {followUp}
          </Text>
        )}
        {handled && <Text size="sm">{handled}</Text>}
        {alert.resolutionNote && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            Note: {alert.resolutionNote}
          </Text>
        )}
        {!reachInstead && link && (
          <Anchor component={Link} to={link.to} size="sm" fw={600}>
            {link.label}
          </Anchor>
        )}
        {showPatient && alert.type === 'consult_request' && alert.state !== 'resolved' && (
          <Anchor component={Link} to="/inbox?tab=consults" size="sm">
            Answer the consult
          </Anchor>
        )}
        {alert.history.length > 1 && (
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
              History ({alert.history.length} steps)
            </summary>
            <Stack component="ol" gap={2} mt={4} style={{ paddingLeft: '1.2rem', margin: 0 }}>
              {alert.history.map((step, i) => (
                <Text component="li" size="sm" key={`${step.kind}-${String(step.at)}-${String(i)}`}>
                  {formatDateTime(step.at)} · {historyLine(step)}
                </Text>
              ))}
            </Stack>
          </details>
        )}
        <Group gap="xs" align="flex-start">
          <RiskAssessmentButton alert={alert} size={showPatient ? 'sm' : 'xs'} />
          <AlertActions alert={alert} compact={!showPatient} />
        </Group>
      </Stack>
    </Paper>
  );
}
