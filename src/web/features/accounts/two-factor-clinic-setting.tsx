import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClinicSettings } from '../../../shared/clinic/api';
import { errorMessage } from '../../components/query-state';
import { useSaveClinicSettings } from '../admin/api';

/** Clinic settings → "Staff must use two-step sign-in" (issue 13): saved as soon as it is switched. */
export function StaffTwoFactorSetting({ settings }: { settings: ClinicSettings }) {
  const save = useSaveClinicSettings();
  const on = settings.staffTwoFactorRequired;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="staff-2fa"
    >
      <Stack gap="sm" maw={760}>
        <Title order={2} size="h4" id="staff-2fa">
          Two-step sign-in
        </Title>
        <Switch
          label="Staff must use two-step sign-in"
          description="Clinicians and admins then enter a code from an app on their phone after their password. Someone without it is asked to set it up at their next sign-in and can do nothing else until then. Patients may turn it on for themselves."
          checked={on}
          disabled={save.isPending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            save.mutate(
              { staffTwoFactorRequired: next },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'green',
                    title: next
                      ? 'Two-step sign-in required for staff'
                      : 'Two-step sign-in optional for staff',
                    message: 'It applies from each person’s next sign-in.',
                  }),
              },
            );
          }}
        />
        <Text size="sm" c="dimmed">
          On by default for a new clinic.
        </Text>
        {save.isError && (
          <Alert color="red" variant="light" role="alert" title="The setting was not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
