import { Alert, Button, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconLogout } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import { useCurrentUser, useSignOut, useStoreSession } from '../../app/session';
import { roleLabel } from '../../components/format';
import { NewPasswordFields, newPasswordProblem } from '../../components/new-password-fields';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { changePassword } from '../auth/api';
import { TwoFactorSection } from '../accounts/two-factor-section';
import { DevicesSection } from '../accounts/devices-section';
import { EmailSection } from '../accounts/email-section';
import { PushSection } from '../push/push-section';

function ChangePasswordForm() {
  const user = useCurrentUser();
  const storeSession = useStoreSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const change = useMutation({
    mutationFn: () => changePassword(current, password),
    onSuccess: (answer) => {
      storeSession(answer);
      setCurrent('');
      setPassword('');
      setConfirm('');
      setSubmitted(false);
      notifications.show({
        color: 'green',
        title: 'Password changed',
        message: 'You stay signed in here; other devices have been signed out.',
      });
    },
  });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (current && !newPasswordProblem(password, confirm, { email: user.email, name: user.name }))
      change.mutate();
  };

  const wrongCurrent = isApiError(change.error, 'invalid_credentials');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="password-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="password-heading">
            Change password
          </Title>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={
              submitted && !current
                ? 'Enter your current password'
                : wrongCurrent
                  ? 'This is not your current password'
                  : undefined
            }
          />
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            showErrors={submitted}
            context={{ email: user.email, name: user.name }}
          />
          {change.isError && !wrongCurrent && (
            <Alert color="red" variant="light" role="alert" title="Your password was not changed">
              {errorMessage(change.error)}
            </Alert>
          )}
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function AccountPage() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle>My account</PageTitle>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="me-heading">
        <Title order={2} size="h4" id="me-heading" mb="sm">
          Signed in as
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Name:{' '}
            </Text>
            {user.name}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Email:{' '}
            </Text>
            {user.email}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Role:{' '}
            </Text>
            {roleLabel(user.role)}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Clinic:{' '}
            </Text>
            {user.clinicName}
          </Text>
        </SimpleGrid>
        <Button
          mt="md"
          variant="default"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => signOut.mutate()}
          loading={signOut.isPending}
        >
          Sign out
        </Button>
      </Paper>
      <ChangePasswordForm />
      <EmailSection />
      <TwoFactorSection />
      <DevicesSection />
      <PushSection />
    </Stack>
  );
}
