import { onlyOfTeam, rules } from '../../platform/access/policy.js';

/**
 * Only the prescriber on the patient's care team starts, changes, pauses, resumes or stops a medication,
 * records a monitoring result or sets a laboratory profile; the rest of the team is told so (403
 * 'prescriber_only'), a prescriber not on the team gets 404 like any stranger.
 */
export const prescriberOnly = onlyOfTeam([rules.team('prescriber')], {
  message: 'Only the prescriber on the care team starts or changes medications.',
  details: { reason: 'prescriber_only' },
});
