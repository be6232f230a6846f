import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PatientOverview } from '../../../shared/patients/api';
import { StatusBadge } from '../../components/badges';
import { ageInYears, formatDay, fullName } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { useResendPatientInvite } from './api';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** Who this patient is, at a glance. */
export function PatientHeader({ patient }: { patient: PatientOverview }) {
  const resend = useResendPatientInvite(patient.id);
  const age = ageInYears(patient.birthDate);
  const accountText: Record<PatientOverview['account'], string> = {
    invited: 'Invited, has not set a password yet',
    active: 'Signed up',
    deactivated: 'Deactivated',
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Patient summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <PageTitle documentTitle={fullName(patient)}>{fullName(patient)}</PageTitle>
            <Text c="dimmed">
              {age !== null ? `${age} years · ` : ''}born {formatDay(patient.birthDate)}
            </Text>
          </div>
          <Group gap="xs">
            <StatusBadge status={patient.account} />
            {patient.account === 'invited' && (
              <Button
                size="xs"
                variant="light"
                loading={resend.isPending}
                onClick={() =>
                  resend.mutate(undefined, {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        title: 'Invitation sent again',
                        message: `A new link went to ${patient.email}.`,
                      }),
                    onError: (error) =>
                      notifications.show({
                        color: 'red',
                        title: 'Could not resend',
                        message: errorMessage(error),
                      }),
                  })
                }
              >
                Resend invitation
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="xl" wrap="wrap">
          <Fact label="Time zone" value={patient.timeZone.replaceAll('_', ' ')} />
          <Fact label="MRN" value={patient.medicalRecordNumber ?? 'None'} />
          <Fact label="Account" value={accountText[patient.account]} />
        </Group>
      </Stack>
    </Paper>
  );
}
