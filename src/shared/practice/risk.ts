import type { DiaryCard, ThoughtRecord } from './content.js';

/**
 * Self-harm outside questionnaires (issue 12; product policy, see docs/clinical-rules.md "Self-harm outside
 * questionnaires"). An entry is at risk when:
 * - a diary card urge about self-harm was acted on (any rating);
 * - a diary card urge about suicide was acted on, or rated HIGH_SUICIDAL_URGE or more on the card's 0-5
 *   scale (content.ts: the usual span of a DBT diary card's urge column; the top two points of the scale,
 *   "strong" and "extreme", as care-rules.md asks for a same-day human response to thoughts of self-harm);
 * - the patient ticked "I'm not safe right now" on a diary card or a thought record (or a message).
 * Urges are named by the patient (the card starts with "Self-harm" and "Suicide"), so the names are read
 * with a small list of words; a miss here still leaves the patient's own "I'm not safe" box.
 */
export const HIGH_SUICIDAL_URGE = 4;

export const riskReasons = [
  'self_harm_acted_on',
  'suicidal_acted_on',
  'high_suicidal_urge',
  'not_safe',
] as const;
export type RiskReason = (typeof riskReasons)[number];

const SELF_HARM_WORDS =
  /self[\s-]*harm|self[\s-]*injur|hurt(ing)?\s+my\s*self|cut(ting)?\s+my\s*self|\bcutting\b|burn(ing)?\s+my\s*self/i;
const SUICIDE_WORDS = /suicid|kill(ing)?\s+my\s*self|end(ing)?\s+my\s+life|take\s+my\s+(own\s+)?life/i;

export const isSelfHarmUrge = (behaviour: string): boolean => SELF_HARM_WORDS.test(behaviour);
export const isSuicidalUrge = (behaviour: string): boolean => SUICIDE_WORDS.test(behaviour);

/** Why a diary card shows a risk of self-harm; empty when it does not. */
export function diaryCardRisk(card: Pick<DiaryCard, 'urges'> & { notSafe?: boolean }): RiskReason[] {
  const reasons = new Set<RiskReason>();
  for (const u of card.urges) {
    if (isSuicidalUrge(u.behaviour)) {
      if (u.actedOn === true) reasons.add('suicidal_acted_on');
      if (u.urge !== null && u.urge >= HIGH_SUICIDAL_URGE) reasons.add('high_suicidal_urge');
    } else if (isSelfHarmUrge(u.behaviour) && u.actedOn === true) reasons.add('self_harm_acted_on');
  }
  if (card.notSafe === true) reasons.add('not_safe');
  return riskReasons.filter((r) => reasons.has(r));
}

/** A thought record is at risk only when the patient says so. */
export function thoughtRecordRisk(record: Pick<ThoughtRecord, 'notSafe'>): RiskReason[] {
  return record.notSafe ? ['not_safe'] : [];
}

/** The risk of any practice entry's content (only diary cards and thought records carry one). */
export function entryRisk(type: string, content: unknown): RiskReason[] {
  if (typeof content !== 'object' || content === null) return [];
  if (type === 'diary_card') return diaryCardRisk(content as DiaryCard);
  if (type === 'thought_record') return thoughtRecordRisk(content as ThoughtRecord);
  return [];
}

/**
 * The outbox dedupe key of a message's "I'm not safe" event: one event per message, and how the measures
 * find a not-safe message on a given day (server/features/measures/measures.repository.ts safetyDaysAmong).
 */
export const notSafeMessageKey = (messageId: string): string => `message-not-safe:${messageId}`;

/** The clinician's words for each reason (alert details). */
export const riskReasonWords: Record<RiskReason, string> = {
  self_harm_acted_on: 'acted on an urge to self-harm',
  suicidal_acted_on: 'acted on a suicidal urge',
  high_suicidal_urge: `rated a suicidal urge ${String(HIGH_SUICIDAL_URGE)} or more (of 5)`,
  not_safe: 'said they are not safe right now',
};
