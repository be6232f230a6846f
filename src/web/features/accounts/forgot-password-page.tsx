import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../app/api-client';
import { AuthCard } from '../../components/auth-card';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { requestPasswordReset, serverFieldError } from './account-recovery-api';

/** "Forgot password?": asks for the email; the answer is the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const ask = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (email.trim()) ask.mutate();
  };

  if (ask.isSuccess) {
    return (
      <AuthCard>
        <PageTitle>Check your email</PageTitle>
        <Alert color="blue" variant="light" role="status">
          {ask.data.message}
        </Alert>
        <Text size="sm">
          No email after a few minutes? Look in your spam folder, check the address you typed, or ask your
          clinic. If you were invited but never set a password, use the invitation your clinic sent instead.
        </Text>
        <Button component={Link} to="/login" variant="light">
          Back to sign in
        </Button>
      </AuthCard>
    );
  }

  const fieldError =
    (submitted && !email.trim() ? 'Enter your email address' : undefined) ??
    serverFieldError(ask.error, 'email');
  return (
    <AuthCard>
      <PageTitle>Forgot your password?</PageTitle>
      <Text size="sm">
        Enter the email you sign in with. If it belongs to an active account, we send it a link to choose a
        new password.
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError}
          />
          {ask.isError && !serverFieldError(ask.error, 'email') && (
            <Alert color="red" variant="light" role="alert" title="Could not send the link">
              {isApiError(ask.error, 'rate_limited')
                ? 'Too many requests for now. Wait a few minutes and try again.'
                : errorMessage(ask.error)}
            </Alert>
          )}
          <Button type="submit" loading={ask.isPending} fullWidth>
            Send me a link
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        <Link to="/login">Back to sign in</Link>
      </Text>
    </AuthCard>
  );
}
