import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import type { SessionAnswer } from '../../../shared/accounts/api';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../components/query-state';
import { TwoFactorCodeInput } from './two-factor-code-input';
import { fieldError, sendSecondFactor, type SecondFactorNeeded } from './two-factor-api';

/** The second step of signing in: the code from the app (or a recovery code) after a right password. */
export function SecondFactorStep({
  challenge,
  onSignedIn,
  onStartAgain,
}: {
  challenge: SecondFactorNeeded;
  onSignedIn: (answer: SessionAnswer) => void;
  onStartAgain: () => void;
}) {
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () => sendSecondFactor(challenge.challenge, code.trim()),
    onSuccess: onSignedIn,
  });
  const expired = fieldError(send.error, 'body.challenge') !== undefined;
  const wrong = fieldError(send.error, 'body.code');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setMissing(!code.trim());
    if (code.trim()) send.mutate();
  };

  return (
    <>
      <PageTitle ta="center">Two-step sign-in</PageTitle>
      <Text size="sm">
        {recovery
          ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Duet.'}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TwoFactorCodeInput
            label={recovery ? 'Recovery code' : 'Code from your authenticator app'}
            allowRecoveryCode={recovery}
            value={code}
            onChange={setCode}
            error={
              missing && !code.trim()
                ? 'Enter the code'
                : wrong
                  ? 'That code is not correct. Codes change every 30 seconds: try the current one.'
                  : undefined
            }
          />
          {expired && (
            <Alert color="red" variant="light" role="alert" title="This sign-in has expired">
              It is more than 5 minutes since you entered your password, or the code was tried too often.{' '}
              <Anchor component="button" type="button" onClick={onStartAgain}>
                Sign in again
              </Anchor>
            </Alert>
          )}
          {send.isError && !expired && !wrong && (
            <Alert color="red" variant="light" role="alert" title="Could not sign in">
              {isApiError(send.error, 'rate_limited')
                ? 'Too many attempts. Wait a few minutes and try again.'
                : errorMessage(send.error)}
            </Alert>
          )}
          <Button type="submit" loading={send.isPending} fullWidth>
            Sign in
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              send.reset();
            }}
          >
            {recovery ? 'Use the code from my app' : 'I cannot use my app: use a recovery code'}
          </Anchor>
        </Stack>
      </form>
    </>
  );
}
