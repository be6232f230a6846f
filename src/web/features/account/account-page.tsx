import { Alert, Button, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconLogout } from '@tabler/icons-react';
import type { SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import { useCurrentUser, useSignOut, useStoreSession } from '../../app/session';
import { roleLabel } from '../../components/format';
import { newPasswordProblem, PASSWORD_RULE_TEXT } from '../../components/new-password-fields';
import { useSchemaForm } from '../../lib/schema-form';
import { changePasswordRequestSchema } from '../../../shared/accounts/schemas';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { changePassword } from '../auth/api';
import { TwoFactorSection } from '../accounts/two-factor-section';
import { DevicesSection } from '../accounts/devices-section';
import { EmailSection } from '../accounts/email-section';
import { PushSection } from '../push/push-section';

type PasswordValues = { currentPassword: string; newPassword: string; confirm: string };
const EMPTY: PasswordValues = { currentPassword: '', newPassword: '', confirm: '' };

function ChangePasswordForm() {
  const user = useCurrentUser();
  const storeSession = useStoreSession();
  const context = { email: user.email, name: user.name };
  // Checked with the route's own schema (changePasswordRequestSchema) and the shared password rule the
  // server applies (password-policy.ts) before anything is sent; each problem at its field (issue 17).
  const form = useSchemaForm({
    schema: changePasswordRequestSchema,
    initialValues: EMPTY,
    toPayload: (v: PasswordValues) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    moreErrors: (v: PasswordValues) => {
      const problem = newPasswordProblem(v.newPassword, v.confirm, context);
      return {
        ...(problem?.password === undefined ? {} : { newPassword: problem.password }),
        ...(problem?.confirm === undefined ? {} : { confirm: problem.confirm }),
      };
    },
  });

  const change = useMutation({
    mutationFn: (payload: { currentPassword: string; newPassword: string }) =>
      changePassword(payload.currentPassword, payload.newPassword),
    onSuccess: (answer) => {
      storeSession(answer);
      form.reset(EMPTY);
      notifications.show({
        color: 'green',
        title: 'Password changed',
        message: 'You stay signed in here; other devices have been signed out.',
      });
    },
    onError: (error) => form.setServerErrors(error),
  });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    change.reset();
    form.submit((payload) => change.mutate(payload));
  };

  const wrongCurrent = isApiError(change.error, 'invalid_credentials');
  const current = form.getInputProps('currentPassword');
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');
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
            {...current}
            error={current.error ?? (wrongCurrent ? 'This is not your current password.' : undefined)}
          />
          <PasswordInput
            label="New password"
            description={PASSWORD_RULE_TEXT}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Type it again"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          {change.isError && !wrongCurrent && !fieldsMarked && (
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
