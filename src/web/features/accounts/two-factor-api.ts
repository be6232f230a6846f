// Two-step sign-in and signed-in devices (issue 13): typed calls; the types come from the API's schemas.
import { api } from '../../app/api-client';
import type { SessionAnswer } from '../../../shared/accounts/api';
import type {
  RecoveryCodes,
  SecondFactorNeeded,
  SignedInDevice,
  TwoFactorSetup,
  TwoFactorStatus,
} from '../../../shared/accounts/two-factor-schemas';

export type { RecoveryCodes, SecondFactorNeeded, SignedInDevice, TwoFactorSetup, TwoFactorStatus };

export const twoFactorKey = ['two-factor'] as const;
export const devicesKey = ['signed-in-devices'] as const;

/** The sign-in answer when the account needs a code next (no session yet). */
export function isSecondFactorNeeded(answer: unknown): answer is SecondFactorNeeded {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    (answer as { secondFactorRequired?: unknown }).secondFactorRequired === true
  );
}

export function sendSecondFactor(challenge: string, code: string): Promise<SessionAnswer> {
  return api.post<SessionAnswer>('/api/auth/second-factor', { challenge, code });
}

export const getTwoFactorStatus = () => api.get<TwoFactorStatus>('/api/auth/two-factor');
export const startTwoFactorSetup = () => api.post<TwoFactorSetup>('/api/auth/two-factor/setup');
export const confirmTwoFactor = (code: string) =>
  api.post<RecoveryCodes>('/api/auth/two-factor/confirm', { code });
export const newRecoveryCodes = (password: string, code: string) =>
  api.post<RecoveryCodes>('/api/auth/two-factor/recovery-codes', { password, code });
export const turnTwoFactorOff = (password: string, code: string) =>
  api.post<undefined>('/api/auth/two-factor/off', { password, code });

export const getDevices = () => api.get<{ devices: SignedInDevice[] }>('/api/auth/devices');
export const revokeDevice = (id: string) => api.delete<undefined>(`/api/auth/devices/${id}`);
export const signOutOtherDevices = () => api.post<undefined>('/api/auth/devices/sign-out-others');

/** The message the server put at a field (details[].path, e.g. "body.code"), if any. */
export function fieldError(error: unknown, path: string): string | undefined {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return undefined;
  for (const item of details as unknown[]) {
    const d = item as { path?: unknown; message?: unknown };
    if (d.path === path && typeof d.message === 'string') return d.message;
  }
  return undefined;
}
