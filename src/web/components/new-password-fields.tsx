import { PasswordInput, Stack } from '@mantine/core';

// Mirrors the server's rule so people learn it before submitting; the server still decides.
export const MIN_PASSWORD_LENGTH = 12;

export const PASSWORD_RULE_TEXT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`;

/** Why a new password and its confirmation cannot be used yet, or null when they can. */
export function newPasswordProblem(
  password: string,
  confirm: string,
): {
  password?: string;
  confirm?: string;
} | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters (now ${password.length}).` };
  }
  if (password !== confirm) return { confirm: 'The two passwords are not the same.' };
  return null;
}

type Props = {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  showErrors: boolean;
  label?: string;
};

/** A new password with its confirmation and the rule explained under it. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  showErrors,
  label = 'New password',
}: Props) {
  const problem = showErrors ? newPasswordProblem(password, confirm) : null;
  return (
    <Stack gap="md">
      <PasswordInput
        label={label}
        description={PASSWORD_RULE_TEXT}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={problem?.password}
      />
      <PasswordInput
        label="Type it again"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={problem?.confirm}
      />
    </Stack>
  );
}
