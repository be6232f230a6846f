import { TextInput } from '@mantine/core';

/** The 6-digit code from an authenticator app: numeric keyboard on phones, filled in by the OS when it can. */
export function TwoFactorCodeInput({
  value,
  onChange,
  error,
  label = 'Code from your authenticator app',
  allowRecoveryCode = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
  allowRecoveryCode?: boolean;
}) {
  return (
    <TextInput
      label={label}
      description={allowRecoveryCode ? 'Or one of your recovery codes' : '6 digits'}
      autoComplete="one-time-code"
      inputMode={allowRecoveryCode ? 'text' : 'numeric'}
      maxLength={allowRecoveryCode ? 32 : 6}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
