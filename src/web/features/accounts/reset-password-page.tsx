import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthCard } from '../../components/auth-card';
import { NewPasswordFields, newPasswordProblem } from '../../components/new-password-fields';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import {
  completePasswordReset,
  serverFieldError,
  tokenInFragment,
  useClearFragment,
} from './account-recovery-api';

function LinkNotValid({ message }: { message: string }) {
  return (
    <AuthCard>
      <PageTitle>This link no longer works</PageTitle>
      <Alert color="red" variant="light" role="alert">
        {message}
      </Alert>
      <Button component={Link} to="/forgot-password">
        Ask for a new link
      </Button>
      <Text size="sm" ta="center">
        <Link to="/login">Back to sign in</Link>
      </Text>
    </AuthCard>
  );
}

/** Reached from the reset mail: /reset-password#<token>. The token leaves the address bar at once. */
export function ResetPasswordPage() {
  const navigate = useNavigate();
  const [token] = useState(tokenInFragment);
  useClearFragment();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reset = useMutation({
    mutationFn: () => completePasswordReset(token, password),
    onSuccess: () =>
      void navigate('/login', {
        replace: true,
        state: {
          notice: 'Your password was changed and every device was signed out. Sign in with the new password.',
        },
      }),
  });

  if (!token)
    return (
      <LinkNotValid message="This page needs the link from your email. Open the link again, or ask for a new one." />
    );
  const tokenProblem = serverFieldError(reset.error, 'token');
  if (tokenProblem) return <LinkNotValid message={errorMessage(reset.error)} />;

  const serverPasswordProblem = serverFieldError(reset.error, 'password');
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!newPasswordProblem(password, confirm)) reset.mutate();
  };

  return (
    <AuthCard>
      <PageTitle>Choose a new password</PageTitle>
      <Text size="sm">
        After this, every device signed in to your account is signed out, and you sign in again.
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            showErrors={submitted}
          />
          {reset.isError && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={serverPasswordProblem ? 'Choose another password' : 'Your password was not changed'}
            >
              {errorMessage(reset.error)}
            </Alert>
          )}
          <Button type="submit" loading={reset.isPending} fullWidth>
            Save new password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
