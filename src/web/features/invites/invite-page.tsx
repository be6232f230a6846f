import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import type { Invite } from '../../../shared/accounts/api';
import { homePathFor, useStoreSession } from '../../app/session';
import { AuthCard } from '../../components/auth-card';
import { formatDateTime, roleLabel } from '../../components/format';
import { NewPasswordFields, newPasswordProblem } from '../../components/new-password-fields';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { acceptInvite, getInvite } from './api';

function InviteGone() {
  return (
    <AuthCard>
      <PageTitle>This link no longer works</PageTitle>
      <Text>
        Invitation links can be used once and expire after a while, for your safety. This one has already been
        used or has expired.
      </Text>
      <Text>
        If you have already set your password, you can sign in. Otherwise, ask your clinic to send you a new
        invitation; it only takes them a moment.
      </Text>
      <Button component={Link} to="/login" variant="light">
        Go to sign in
      </Button>
    </AuthCard>
  );
}

function inviteHeading(invite: Invite): string {
  return invite.role === 'patient' ? `Welcome to ${invite.clinicName}` : `Join ${invite.clinicName} on Duet`;
}

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const invite = useQuery({ queryKey: ['invite', token], queryFn: () => getInvite(token) });
  const accept = useMutation({
    mutationFn: () => acceptInvite(token, password),
    onSuccess: (answer) => {
      storeSession(answer);
      void navigate(homePathFor(answer.user.role), { replace: true });
    },
  });

  if (invite.isPending) {
    return (
      <AuthCard>
        <LoadingState label="Checking your invitation…" />
      </AuthCard>
    );
  }
  if (invite.isError) {
    if (isApiError(invite.error, 'not_found')) return <InviteGone />;
    return (
      <AuthCard>
        <PageTitle>Your invitation</PageTitle>
        <ErrorState error={invite.error} onRetry={() => void invite.refetch()} />
      </AuthCard>
    );
  }
  if (accept.isError && isApiError(accept.error, 'not_found')) return <InviteGone />;

  const data = invite.data;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!newPasswordProblem(password, confirm, { email: data.email, name: data.name })) accept.mutate();
  };

  return (
    <AuthCard>
      <PageTitle documentTitle="Accept invitation">{inviteHeading(data)}</PageTitle>
      <Text>
        Hello {data.name}. {data.clinicName} has invited you to Duet
        {data.role === 'patient' ? '' : ` as ${roleLabel(data.role).toLowerCase()}`}. Choose a password to
        finish setting up your account.
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        You will sign in with <strong>{data.email}</strong>. This link works until{' '}
        {formatDateTime(data.expiresAt)}.
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <NewPasswordFields
            label="Choose a password"
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            showErrors={submitted}
            context={{ email: data.email, name: data.name }}
          />
          {accept.isError && (
            <Alert color="red" variant="light" role="alert" title="Your password was not saved">
              {errorMessage(accept.error)}
            </Alert>
          )}
          <Button type="submit" loading={accept.isPending} fullWidth>
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
