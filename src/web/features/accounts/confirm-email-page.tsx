import { Alert, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../components/auth-card';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { confirmEmailChange, tokenInFragment, useClearFragment } from './account-recovery-api';

/**
 * Reached from the confirmation mail sent to a new address: /confirm-email#<token>. Confirming is a button,
 * not automatic, so a mail scanner that opens links changes nothing.
 */
export function ConfirmEmailPage() {
  const [token] = useState(tokenInFragment);
  useClearFragment();
  const confirm = useMutation({ mutationFn: () => confirmEmailChange(token) });

  if (confirm.isSuccess) {
    return (
      <AuthCard>
        <PageTitle>Email address confirmed</PageTitle>
        <Alert color="green" variant="light" role="status">
          From now on you sign in with{' '}
          <strong style={{ overflowWrap: 'anywhere' }}>{confirm.data.email}</strong>, and Duet mails you
          there.
        </Alert>
        <Button component={Link} to="/login" variant="light">
          Go to sign in
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard>
      <PageTitle>Confirm your new email address</PageTitle>
      {!token ? (
        <Alert color="red" variant="light" role="alert">
          This page needs the link from your email. Open the link again.
        </Alert>
      ) : (
        <>
          <Text>Confirm that this is your address: your account will sign in and get its mail here.</Text>
          {confirm.isError && (
            <Alert color="red" variant="light" role="alert" title="The address was not changed">
              {errorMessage(confirm.error)} You can ask for the change again in your account settings, or ask
              your clinic.
            </Alert>
          )}
          {!confirm.isError && (
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} fullWidth>
              Confirm this address
            </Button>
          )}
        </>
      )}
      <Text size="sm" ta="center">
        <Link to="/login">Go to sign in</Link>
      </Text>
    </AuthCard>
  );
}
