import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../app/api-client';
import { homePathFor, useSessionQuery, useStoreSession } from '../../app/session';
import { AuthCard } from '../../components/auth-card';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { login } from './api';
import type { SessionAnswer } from '../../../shared/accounts/api';
import { isSecondFactorNeeded, type SecondFactorNeeded } from '../accounts/two-factor-api';
import { SecondFactorStep } from '../accounts/two-factor-sign-in-step';

function loginErrorText(error: unknown): string {
  if (isApiError(error, 'invalid_credentials')) {
    return 'That email and password do not match an account. Check them and try again.';
  }
  if (isApiError(error, 'rate_limited')) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return errorMessage(error);
}

export function LoginPage() {
  const session = useSessionQuery();
  const storeSession = useStoreSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; signedOut?: boolean; notice?: string } | null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // Issue 13: a right password for an account with two-step sign-in on asks for a code next.
  const [challenge, setChallenge] = useState<SecondFactorNeeded | null>(null);

  const signedIn = (answer: SessionAnswer) => {
    storeSession(answer);
    const from = state?.from;
    void navigate(from && from !== '/' ? from : homePathFor(answer.user.role), { replace: true });
  };
  const signIn = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: (answer) => {
      if (isSecondFactorNeeded(answer)) setChallenge(answer);
      else signedIn(answer);
    },
  });

  if (session.data && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={homePathFor(session.data.user.role)} replace />;
  }

  if (challenge) {
    return (
      <AuthCard>
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={signedIn}
          onStartAgain={() => {
            setChallenge(null);
            setPassword('');
            signIn.reset();
          }}
        />
      </AuthCard>
    );
  }

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setMissing(!email.trim() || !password);
    if (email.trim() && password) signIn.mutate();
  };

  return (
    <AuthCard>
      <PageTitle ta="center">Sign in to Duet</PageTitle>
      {state?.signedOut && !signIn.isError && (
        <Alert color="blue" variant="light" role="status">
          You have signed out.
        </Alert>
      )}
      {state?.notice && !signIn.isError && (
        <Alert color="green" variant="light" role="status">
          {state.notice}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={missing && !email.trim() ? 'Enter your email address' : undefined}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={missing && !password ? 'Enter your password' : undefined}
          />
          {signIn.isError && (
            <Alert color="red" variant="light" role="alert" title="Could not sign in">
              {loginErrorText(signIn.error)}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        <Link to="/forgot-password">Forgot password?</Link>
      </Text>
      <Text size="sm" c="dimmed" ta="center">
        New to Duet? Your clinic sends you an invitation link by email.
      </Text>
    </AuthCard>
  );
}
