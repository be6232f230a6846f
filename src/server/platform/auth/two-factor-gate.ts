import type { Actor } from './actor.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Issue 13: the route stays open to a staff session that must first set up two-step sign-in (the clinic
     * requires it): the set-up itself, the session answer and signing out.
     */
    duringTwoFactorSetup?: true;
  }
}

/** Refuses every other route to a session that may only set up two-step sign-in (403). */
export function enforceTwoFactorSetupGate(actor: Actor, routeAllowsSetup: boolean | undefined): void {
  if (!actor.twoFactorSetupRequired || routeAllowsSetup) return;
  throw new AppError(
    'two_factor_setup_required',
    'Your clinic requires two-step sign-in. Set it up to continue.',
  );
}
