import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPill } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useToday } from './api';
import { AsNeededRow } from './as-needed-row';
import { DoseRow } from './dose-row';
import { runsOutText } from './words';

/**
 * Today's medicines: each scheduled dose with Taken / Skip, as-needed medicines with "Log a dose", and
 * supplies running low. On the patient's home (first card) and the "My medicines" page.
 */
export function TodayDosesCard({
  patientId,
  canLog = true,
  showPageLink = true,
}: {
  patientId: string;
  canLog?: boolean;
  showPageLink?: boolean;
}) {
  const today = useToday(patientId);
  const data = today.data;
  const nothing = data !== undefined && data.doses.length === 0 && data.asNeeded.length === 0;
  if (nothing && showPageLink) return null;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="today-doses-heading">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Group gap="xs" wrap="nowrap">
          <IconPill size={24} aria-hidden />
          <Title order={2} size="h3" id="today-doses-heading">
            Today’s medicines
          </Title>
        </Group>
        {showPageLink && (
          <Anchor component={Link} to="/home/medications" size="sm">
            My medicines
          </Anchor>
        )}
      </Group>
      {today.isPending && <LoadingState label="Loading today’s medicines…" />}
      {today.isError && <ErrorState error={today.error} onRetry={() => void today.refetch()} />}
      {data && (
        <Stack gap="sm">
          {nothing && <Text c="dimmed">No medicines are scheduled for today.</Text>}
          {data.lowSupplies.map((s) => (
            <Alert key={s.supplyId} color="orange" variant="light" title="Time to arrange a refill">
              {s.name}: {runsOutText(s.daysLeft).toLowerCase()}
              {s.runsOutOn ? ` (${formatDay(s.runsOutOn)})` : ''}. Ask your pharmacy or prescriber in good
              time.
            </Alert>
          ))}
          {data.doses.length > 0 && (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.doses.map((dose) => (
                <DoseRow
                  key={dose.doseKey}
                  patientId={patientId}
                  dose={data.reminders.inApp ? dose : { ...dose, dueNow: false }}
                  timeZone={data.timeZone}
                  canLog={canLog}
                />
              ))}
            </Stack>
          )}
          {data.asNeeded.length > 0 && (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.asNeeded.map((m) => (
                <AsNeededRow
                  key={m.medicationId}
                  patientId={patientId}
                  medicine={m}
                  timeZone={data.timeZone}
                  canLog={canLog}
                />
              ))}
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            Times are in your time zone ({data.timeZone}). You can change an entry for 48 hours.
            {data.doses.length > 0
              ? ` ${String(data.doses.filter((d) => d.state !== 'due').length)} of ${String(data.doses.length)} logged.`
              : ''}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
