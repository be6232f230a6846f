import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../../components/query-state';
import { TwoFactorCodeInput } from './two-factor-code-input';
import { RecoveryCodesPanel } from './two-factor-recovery-codes';
import {
  fieldError,
  newRecoveryCodes,
  turnTwoFactorOff,
  twoFactorKey,
  type TwoFactorStatus,
} from './two-factor-api';

type Action = 'codes' | 'off';

/** Password and a current code: what new recovery codes and turning two-step sign-in off both need. */
function PasswordAndCodeForm({ action, onCancel }: { action: Action; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const run = useMutation({
    mutationFn: async () =>
      action === 'codes'
        ? newRecoveryCodes(password, code.trim())
        : (await turnTwoFactorOff(password, code.trim()), null),
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: twoFactorKey });
      if (!answer) {
        notifications.show({
          color: 'green',
          title: 'Two-step sign-in is off',
          message: 'Your password alone signs you in now.',
        });
        onCancel();
      }
    },
  });
  if (run.data) return <RecoveryCodesPanel codes={run.data.recoveryCodes} onDone={onCancel} />;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (password && code.trim()) run.mutate();
  };
  const passwordError = fieldError(run.error, 'body.password');
  const codeError = fieldError(run.error, 'body.code');
  const title = action === 'codes' ? 'Make new recovery codes' : 'Turn two-step sign-in off';
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={
            submitted && !password
              ? 'Enter your password'
              : passwordError
                ? 'This is not your password'
                : undefined
          }
        />
        <TwoFactorCodeInput
          allowRecoveryCode
          value={code}
          onChange={setCode}
          error={
            submitted && !code.trim() ? 'Enter a code' : codeError ? 'That code is not correct' : undefined
          }
        />
        {run.isError && !passwordError && !codeError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(run.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={run.isPending} color={action === 'off' ? 'red' : undefined}>
            {action === 'codes' ? 'Make new codes' : 'Turn off'}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Two-step sign-in is on: how many recovery codes are left, new codes, turning it off. */
export function TwoFactorManage({ status }: { status: TwoFactorStatus }) {
  const [action, setAction] = useState<Action | null>(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="two-factor-on-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="two-factor-on-heading">
          Two-step sign-in is on
        </Title>
        <Text size="sm">
          After your password, Duet asks for the code from your authenticator app. Recovery codes left:{' '}
          <strong>{status.recoveryCodesLeft}</strong>
        </Text>
        {status.recoveryCodesLeft <= 2 && (
          <Alert color="blue" variant="light">
            You are running out of recovery codes. Make new ones.
          </Alert>
        )}
        {action ? (
          <PasswordAndCodeForm action={action} onCancel={() => setAction(null)} />
        ) : (
          <Group>
            <Button variant="default" onClick={() => setAction('codes')}>
              Make new recovery codes
            </Button>
            {status.requiredForMe ? (
              <Text size="sm" c="dimmed">
                Your clinic requires two-step sign-in for staff, so it stays on.
              </Text>
            ) : (
              <Button variant="default" color="red" onClick={() => setAction('off')}>
                Turn off
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
