import { useEffect } from 'react';
import type { z } from 'zod';
import { api, isApiError } from '../../app/api-client';
import type {
  accountEmailSchema,
  emailChangeConfirmedSchema,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
} from '../../../shared/accounts/account-recovery';

export type AccountEmail = z.output<typeof accountEmailSchema>;

export function requestPasswordReset(email: string) {
  return api.post<z.output<typeof passwordResetRequestedSchema>>('/api/auth/password-reset', { email });
}

export function completePasswordReset(token: string, password: string) {
  return api.post<z.output<typeof passwordResetDoneSchema>>('/api/auth/password-reset/complete', {
    token,
    password,
  });
}

export function getAccountEmail() {
  return api.get<AccountEmail>('/api/account/email');
}

export function requestEmailChange(newEmail: string, currentPassword: string) {
  return api.post<AccountEmail>('/api/account/email', { newEmail, currentPassword });
}

export function confirmEmailChange(token: string) {
  return api.post<z.output<typeof emailChangeConfirmedSchema>>('/api/account/email/confirm', { token });
}

/** The server's message for one field (details paths look like 'body.token'), if it named that field. */
export function serverFieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error) || !Array.isArray(error.details)) return undefined;
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (
      typeof path === 'string' &&
      typeof message === 'string' &&
      (path === field || path.endsWith('.' + field))
    )
      return message;
  }
  return undefined;
}

/** The one-time token in the address bar's fragment (`/reset-password#<token>`), or '' when there is none. */
export function tokenInFragment(): string {
  return window.location.hash.replace(/^#/, '');
}

/**
 * Removes the token from the URL and the history entry as soon as the page has read it, so it is not left
 * where a screen share, a bookmark or a later page could pick it up. Safe to call twice.
 */
export function useClearFragment(): void {
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
}
