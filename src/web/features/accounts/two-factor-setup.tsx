import { Alert, Button, Code, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../../components/query-state';
import { TwoFactorCodeInput } from './two-factor-code-input';
import { RecoveryCodesPanel } from './two-factor-recovery-codes';
import { confirmTwoFactor, fieldError, startTwoFactorSetup } from './two-factor-api';

/** The QR code as an image (the server draws it as SVG). */
function QrImage({ svg }: { svg: string }) {
  const src = `data:image/svg+xml;base64,${btoa(svg)}`;
  return (
    <Image
      src={src}
      alt="QR code to scan with your authenticator app"
      w={200}
      h={200}
      style={{ background: 'white' }}
    />
  );
}

/** Set-up: start (a new key), scan or type it, confirm with a current code, then save the recovery codes. */
export function TwoFactorSetup({ onFinished }: { onFinished: () => void }) {
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const start = useMutation({ mutationFn: startTwoFactorSetup });
  const confirm = useMutation({ mutationFn: () => confirmTwoFactor(code.trim()) });

  if (confirm.data) return <RecoveryCodesPanel codes={confirm.data.recoveryCodes} onDone={onFinished} />;

  if (!start.data) {
    return (
      <Stack gap="sm">
        <Text size="sm">
          You need an authenticator app on your phone (for example Google Authenticator, Microsoft
          Authenticator, 2FAS or Aegis). After your password, Duet will ask for the 6-digit code the app
          shows.
        </Text>
        {start.isError && (
          <Alert color="red" variant="light" role="alert" title="Could not start the set-up">
            {errorMessage(start.error)}
          </Alert>
        )}
        <Button onClick={() => start.mutate()} loading={start.isPending} style={{ alignSelf: 'flex-start' }}>
          Set up two-step sign-in
        </Button>
      </Stack>
    );
  }

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setMissing(!code.trim());
    if (code.trim()) confirm.mutate();
  };
  const wrong = fieldError(confirm.error, 'body.code');

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scan-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="scan-heading">
            1. Add Duet to your app
          </Title>
          <Text size="sm">Scan this code with your authenticator app.</Text>
          <QrImage svg={start.data.qrSvg} />
          <Text size="sm">Cannot scan it? Type this key into the app instead (time-based):</Text>
          <Code block data-testid="two-factor-key">
            {start.data.key}
          </Code>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="confirm-heading">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4" id="confirm-heading">
              2. Enter the code the app shows
            </Title>
            <TwoFactorCodeInput
              value={code}
              onChange={setCode}
              error={
                missing && !code.trim()
                  ? 'Enter the 6-digit code'
                  : wrong === 'Not correct'
                    ? 'That code is not correct. Check the time on your phone and enter the current code.'
                    : wrong
              }
            />
            {confirm.isError && !wrong && (
              <Alert color="red" variant="light" role="alert" title="Two-step sign-in is not on yet">
                {errorMessage(confirm.error)}
              </Alert>
            )}
            <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
              Turn on two-step sign-in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
