import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useReminderSettings, useSaveReminderSettings, type ReminderSettings } from './api';

/** The patient's own reminder choices: in the app, by email, and names in the calendar feed. */
export function RemindersCard({ patientId }: { patientId: string }) {
  const settings = useReminderSettings(patientId);
  const save = useSaveReminderSettings(patientId);
  const s = settings.data;
  const toggle = (key: keyof Omit<ReminderSettings, 'version'>) => (checked: boolean) => {
    if (s) save.mutate({ ...s, [key]: checked });
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="reminders-heading">
      <Title order={2} size="h3" id="reminders-heading" mb="xs">
        Reminders
      </Title>
      {settings.isPending && <LoadingState label="Loading your reminders…" />}
      {settings.isError && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {s && (
        <Stack gap="md">
          <Switch
            size="md"
            checked={s.inApp}
            onChange={(e) => toggle('inApp')(e.currentTarget.checked)}
            label="Show what is due now in Duet"
            disabled={save.isPending}
          />
          <Switch
            size="md"
            checked={s.email}
            onChange={(e) => toggle('email')(e.currentTarget.checked)}
            label="Email me at dose time"
            description="The email only says you have a reminder; it never names a medicine."
            disabled={save.isPending}
          />
          <Switch
            size="md"
            checked={s.calendarShowNames}
            onChange={(e) => toggle('calendarShowNames')(e.currentTarget.checked)}
            label="Show medicine names in my calendar"
            description="Off: calendar events just say “Medication reminder”."
            disabled={save.isPending}
          />
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{errorMessage(save.error)}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
