import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { AccessEntry } from '../../../shared/patients/api';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { browserTimeZone, dayOf, formatTime } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAccessReport, usePatient } from '../patients/api';
import { whoInWords } from './role-words';

type Day = { key: string; label: string; entries: AccessEntry[] };

function groupByDay(entries: AccessEntry[], timeZone: string): Day[] {
  const days = new Map<string, Day>();
  for (const entry of [...entries].sort((a, b) => b.at - a.at)) {
    const { key, label } = dayOf(entry.at, timeZone);
    const day = days.get(key) ?? { key, label, entries: [] };
    day.entries.push(entry);
    days.set(key, day);
  }
  return [...days.values()];
}

export function AccessPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const patient = usePatient(patientId);
  const report = useAccessReport(patientId);
  const timeZone = patient.data?.timeZone ?? browserTimeZone();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <div>
        <PageTitle>Who has seen my record</PageTitle>
        <Text c="dimmed">
          Each time someone at your clinic opens or changes your record, Duet writes it down. Only people on
          your care team can open it.
        </Text>
      </div>
      {report.isPending && <LoadingState label="Loading…" />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data?.length === 0 && <Text>No one has opened your record yet.</Text>}
      {report.data &&
        groupByDay(report.data, timeZone).map((day) => (
          <section key={day.key} aria-labelledby={`day-${day.key}`}>
            <Title order={2} size="h4" id={`day-${day.key}`} mb="xs">
              {day.label}
            </Title>
            <Card withBorder radius="md" padding={0}>
              <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {day.entries.map((entry, index) => (
                  <Group
                    component="li"
                    key={entry.id}
                    gap="sm"
                    wrap="nowrap"
                    align="flex-start"
                    p="sm"
                    style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                  >
                    <Text size="sm" c="dimmed" miw={64} style={{ whiteSpace: 'nowrap' }}>
                      {formatTime(entry.at, timeZone)}
                    </Text>
                    <Text size="sm">
                      <strong>{whoInWords(entry.who, entry.whoRole)}</strong> {entry.action}
                      {entry.outcome === 'denied' && (
                        <SoftBadge ml="xs" color="red" size="sm">
                          Not allowed
                        </SoftBadge>
                      )}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          </section>
        ))}
    </Stack>
  );
}
