import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { CocmMonthView } from '../../../shared/care-contacts/api';
import { cocmThresholds } from '../../../shared/care-contacts/cocm-minutes';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePatientContacts } from './api';
import { LogContactButton, modeLabels } from './log-contact';

/** "45 of 70 min (99492, first month)": this month's care-manager minutes against the threshold. */
export function minutesAgainstThreshold(m: CocmMonthView): string {
  const target = m.firstMonth ? cocmThresholds.firstMonthMinutes : cocmThresholds.laterMonthMinutes;
  const code = m.firstMonth ? '99492, first month' : '99493';
  return `${String(m.minutes)} of ${String(target)} min (${code})`;
}

/** On the patient page: contacts with the patient, "Log contact", and this month's care-manager minutes. */
export function CareContactsCard({ patientId, patientName }: { patientId: string; patientName: string }) {
  const contacts = usePatientContacts(patientId);
  const data = contacts.data;
  const target = data
    ? data.thisMonth.firstMonth
      ? cocmThresholds.firstMonthMinutes
      : cocmThresholds.laterMonthMinutes
    : 1;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="care-contacts-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="care-contacts-heading">
          Contacts
        </Title>
        <LogContactButton patientId={patientId} patientName={patientName} />
      </Group>
      {contacts.isPending && <LoadingState />}
      {contacts.isError && <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {data && (
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={600}>
              Care-manager minutes this month: {minutesAgainstThreshold(data.thisMonth)}
            </Text>
            <Progress
              value={Math.min(100, (data.thisMonth.minutes / target) * 100)}
              aria-label="Care-manager minutes this month against the threshold"
              mt={4}
            />
            <Text size="xs" c="dimmed" mt={2}>
              {data.thisMonth.crossed.length > 0
                ? `Reached: ${data.thisMonth.crossed.map((c) => c.code).join(', ')}. `
                : ''}
              Next: {data.thisMonth.next.code} in {data.thisMonth.next.minutesToGo} min. Calendar month in{' '}
              {data.clinicTimeZone}. Duet reports minutes; it does not bill.
            </Text>
          </div>
          {data.contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              No contacts logged yet.
            </Text>
          ) : (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.contacts.slice(0, 5).map((c) => (
                <li key={c.id}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {modeLabels[c.mode]}, {c.minutes} min
                    </Text>
                    {!c.reached && <SoftBadge color="gray">Not reached</SoftBadge>}
                    <Text size="xs" c="dimmed">
                      {c.byName} · {formatDateTime(c.contactedAt)}
                    </Text>
                  </Group>
                  {c.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {c.note}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
