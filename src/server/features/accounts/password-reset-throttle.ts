import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { createLoginThrottle, type LoginThrottle } from '../../platform/auth/login-throttle.js';

/**
 * Account-recovery attempts use the sign-in throttle module with the sign-in limits (issue 13: "same rules
 * for ... reset"), on keys of their own: asking for reset links never locks anyone's sign-in, and sign-in
 * failures never block a reset. The kinds:
 * - 'reset-request': per email + client, per client across emails, per email from anywhere;
 * - 'link-use': completing a reset or confirming an email, per client (the token is the secret being guessed).
 */
export type RecoveryAttempt = 'reset-request' | 'link-use';

function throttleOf(deps: AppDeps): LoginThrottle {
  return createLoginThrottle(deps.database, deps.clock, {
    perAccountAndClient: deps.config.loginMaxFailures,
    perClient: deps.config.loginClientMaxFailures,
    perAccount: deps.config.loginAccountMaxFailures,
  });
}

const keysOf = (kind: RecoveryAttempt, email: string, client: string) =>
  kind === 'reset-request'
    ? { email: `reset-request\n${email.toLowerCase()}`, client: `reset-request\n${client}` }
    : { email: `link-use\n${client}`, client: `link-use\n${client}` };

/** Reserves one attempt, or throws rate_limited (429 with Retry-After) in words for this page. */
export async function reserveRecoveryAttempt(
  deps: AppDeps,
  kind: RecoveryAttempt,
  email: string,
  client: string,
): Promise<void> {
  const keys = keysOf(kind, email, client);
  try {
    await throttleOf(deps).reserve(keys.email, keys.client);
  } catch (err) {
    if (err instanceof AppError && err.code === 'rate_limited') {
      throw new AppError(
        'rate_limited',
        'Too many attempts. Wait a few minutes and try again.',
        err.details,
        err.headers,
      );
    }
    throw err;
  }
}

/** A link that was right gives its slot back (so a person who mistyped once is not held up later). */
export async function forgiveRecoveryAttempt(
  deps: AppDeps,
  kind: RecoveryAttempt,
  email: string,
  client: string,
) {
  const keys = keysOf(kind, email, client);
  await throttleOf(deps).recordSuccess(keys.email, keys.client);
}
