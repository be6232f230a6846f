import { Badge } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { AlertState, Severity } from '../../../shared/alerts/api';
import { SoftBadge } from '../../components/badges';
import { SEVERITY_LABELS, STATE_LABELS } from './alert-words';

const SEVERITY_COLORS: Record<Severity, string> = { urgent: 'red', high: 'orange', routine: 'gray' };
const SEVERITY_ICONS = { urgent: IconAlertOctagon, high: IconAlertTriangle, routine: IconInfoCircle };

/** Severity in words with an icon, so it never rests on colour alone. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const Icon = SEVERITY_ICONS[severity];
  const icon = <Icon size={12} aria-hidden />;
  if (severity === 'urgent') {
    // Solid dark red with white text (7:1): the one badge that should stand out.
    return (
      <Badge color="red.8" variant="filled" leftSection={icon} style={{ flexShrink: 0 }}>
        {SEVERITY_LABELS[severity]}
      </Badge>
    );
  }
  return (
    <SoftBadge color={SEVERITY_COLORS[severity]} leftSection={icon}>
      {SEVERITY_LABELS[severity]}
    </SoftBadge>
  );
}

const STATE_COLORS: Record<AlertState, string> = { open: 'blue', acknowledged: 'yellow', resolved: 'green' };

export function AlertStateBadge({ state }: { state: AlertState }) {
  return <SoftBadge color={STATE_COLORS[state]}>{STATE_LABELS[state]}</SoftBadge>;
}
