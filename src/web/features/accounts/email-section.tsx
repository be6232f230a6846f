import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { formatDateTime } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { getAccountEmail, requestEmailChange, serverFieldError } from './account-recovery-api';

/** Account settings: the sign-in address, a change waiting for confirmation, and the form to change it. */
export function EmailSection() {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['account-email'], queryFn: getAccountEmail });
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const change = useMutation({
    mutationFn: () => requestEmailChange(newEmail.trim(), password),
    onSuccess: (answer) => {
      queryClient.setQueryData(['account-email'], answer);
      setNewEmail('');
      setPassword('');
      setSubmitted(false);
    },
  });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (newEmail.trim() && password) change.mutate();
  };
  const emailError =
    (submitted && !newEmail.trim() ? 'Enter the new address' : undefined) ??
    serverFieldError(change.error, 'newEmail');
  const passwordError =
    (submitted && !password ? 'Enter your current password' : undefined) ??
    serverFieldError(change.error, 'currentPassword');
  const data = current.data;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="email-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="email-heading">
            Email address
          </Title>
          {data && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              You sign in and get Duet mail at <strong>{data.email}</strong>.
            </Text>
          )}
          {data?.pendingEmail && (
            <Alert color="blue" variant="light" role="status">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <strong>Pending confirmation:</strong> {data.pendingEmail}. Open the link we sent to that
                address (it works until {formatDateTime(data.pendingExpiresAt ?? 0)}). Until then, your
                address stays as it is.
              </Text>
            </Alert>
          )}
          <TextInput
            label="New email address"
            type="email"
            autoComplete="email"
            required
            value={newEmail}
            onChange={(e) => setNewEmail(e.currentTarget.value)}
            error={emailError}
          />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
          />
          {change.isError &&
            !serverFieldError(change.error, 'newEmail') &&
            !serverFieldError(change.error, 'currentPassword') && (
              <Alert color="red" variant="light" role="alert" title="Your address was not changed">
                {errorMessage(change.error)}
              </Alert>
            )}
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            Send confirmation link
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
