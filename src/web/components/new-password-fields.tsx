import { PasswordInput, Stack } from '@mantine/core';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../shared/accounts/password-policy';

// The same rule the server applies (src/shared): people learn it before submitting.
export const PASSWORD_RULE_TEXT = `At least ${String(MIN_PASSWORD_LENGTH)} characters. A few unrelated words make a strong password that is easy to remember.`;

/** Why a new password and its confirmation cannot be used yet, or null when they can. */
export function newPasswordProblem(
  password: string,
  confirm: string,
  context: { email?: string; name?: string } = {},
): { password?: string; confirm?: string } | null {
  const problem = passwordProblem(password, context);
  if (problem) return { password: problem };
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
  /** The account's email and name, which a password must not contain. */
  context?: { email?: string; name?: string };
};

/** A new password with its confirmation and the rule explained under it. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  showErrors,
  label = 'New password',
  context,
}: Props) {
  const problem = showErrors ? newPasswordProblem(password, confirm, context) : null;
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
