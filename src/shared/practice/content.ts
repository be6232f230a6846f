import { z } from 'zod';
import { iptProblemAreas } from '../treatment-plans/schemas.js';

/**
 * What the patient writes for each kind of practice. Structure from care-rules.md "Therapy between
 * sessions"; the wording and the limits are ours. Every field has a default so a half-written draft is
 * valid: the phone saves as the patient goes. What "done" needs is checked by completeness.ts.
 */

const text = (max: number) => z.string().trim().max(max).default('');
const label = z.string().trim().min(1).max(60);
/** A 0-100 rating (mood intensity, belief), or not rated yet. */
const percent = z.number().int().min(0).max(100).nullable().default(null);
/** A 0-10 rating (mood, mastery, pleasure, distress), or not rated yet. */
const tenPoint = z.number().int().min(0).max(10).nullable().default(null);
/** A 0-5 rating, the usual span of a DBT diary card's emotion and urge columns, or not rated yet. */
const fivePoint = z.number().int().min(0).max(5).nullable().default(null);

// CBT thought record (care-rules.md: situation; moods 0-100; automatic thoughts with the "hot" thought;
// evidence for; evidence against; balanced thought with belief 0-100; re-rated moods).
export const moodSchema = z.object({
  name: label,
  /** How strong the mood was in the situation. */
  intensity: percent,
  /** The same mood rated again after writing the balanced thought. */
  rerated: percent,
});
export const automaticThoughtSchema = z.object({
  text: z.string().trim().min(1).max(500),
  /** How much the patient believed it at the time. */
  belief: percent,
  hot: z.boolean().default(false),
});
export const thoughtRecordSchema = z.object({
  situation: text(1000),
  moods: z.array(moodSchema).max(8).default([]),
  thoughts: z
    .array(automaticThoughtSchema)
    .max(8)
    .refine((l) => l.filter((t) => t.hot).length <= 1, 'Mark one thought as the hot thought.')
    .default([]),
  evidenceFor: text(2000),
  evidenceAgainst: text(2000),
  balancedThought: text(1000),
  balancedBelief: percent,
  /** Belief in the hot thought rated again at the end: the "after" of the before/after chart. */
  hotThoughtBeliefAfter: percent,
  /** "I'm not safe right now": shows crisis resources and alerts whoever may read the entry (risk.ts). */
  notSafe: z.boolean().default(false),
});
export type ThoughtRecord = z.infer<typeof thoughtRecordSchema>;

// Behavioural activation (care-rules.md: activity per time block, mood 0-10, mastery and pleasure;
// planned versus done).
export const doneStates = ['done', 'partly', 'not_done'] as const;
export const activityBlockSchema = z.object({
  /** A time or a part of the day, as the patient names it ("08:00", "Morning"). */
  block: label,
  planned: text(200),
  actual: text(200),
  /** Did the planned activity happen? Null when nothing was planned for this block. */
  done: z.enum(doneStates).nullable().default(null),
  mood: tenPoint,
  mastery: tenPoint,
  pleasure: tenPoint,
});
export const activityLogSchema = z.object({
  blocks: z.array(activityBlockSchema).max(24).default([]),
  note: text(1000),
});
export type ActivityLog = z.infer<typeof activityLogSchema>;

// DBT diary card, one per day (care-rules.md: emotion ratings, urges to target behaviours and whether
// acted on, skills used, distress rating).
export const diaryEmotionSchema = z.object({ name: label, rating: fivePoint });
export const diaryUrgeSchema = z.object({
  behaviour: label,
  urge: fivePoint,
  actedOn: z.boolean().nullable().default(null),
});
export const diaryCardSchema = z.object({
  emotions: z.array(diaryEmotionSchema).max(12).default([]),
  urges: z.array(diaryUrgeSchema).max(8).default([]),
  skills: z.array(label).max(30).default([]),
  distress: tenPoint,
  note: text(1000),
  /** "I'm not safe right now": shows crisis resources and alerts whoever may read the card (risk.ts). */
  notSafe: z.boolean().default(false),
});
export type DiaryCard = z.infer<typeof diaryCardSchema>;

// IPT interpersonal log, tied to the plan's problem area (care-rules.md: grief, role disputes, role
// transitions, interpersonal deficits).
export const interpersonalLogSchema = z.object({
  problemArea: z.enum(iptProblemAreas).nullable().default(null),
  person: text(120),
  whatHappened: text(2000),
  howIFelt: text(500),
  feelingIntensity: percent,
  /** The answer to the problem area's own question (library.ts iptPrompts). */
  areaReflection: text(2000),
  nextStep: text(1000),
});
export type InterpersonalLog = z.infer<typeof interpersonalLogSchema>;

// A free-form exercise: the therapist's instructions are on the assignment; the patient writes back.
export const freeFormSchema = z.object({
  response: text(4000),
  /** How helpful the exercise felt, 0-10. */
  helpfulness: tenPoint,
});
export type FreeForm = z.infer<typeof freeFormSchema>;

export const practiceTypes = [
  'thought_record',
  'behavioural_activation',
  'diary_card',
  'ipt_log',
  'free_form',
] as const;
export const practiceTypeSchema = z.enum(practiceTypes);
export type PracticeType = z.infer<typeof practiceTypeSchema>;

/** The content schema of each practice type: an entry is validated against its assignment's type. */
export const contentSchemas = {
  thought_record: thoughtRecordSchema,
  behavioural_activation: activityLogSchema,
  diary_card: diaryCardSchema,
  ipt_log: interpersonalLogSchema,
  free_form: freeFormSchema,
} as const satisfies Record<PracticeType, z.ZodType>;

export interface PracticeContentByType {
  thought_record: ThoughtRecord;
  behavioural_activation: ActivityLog;
  diary_card: DiaryCard;
  ipt_log: InterpersonalLog;
  free_form: FreeForm;
}
export type PracticeContent = PracticeContentByType[PracticeType];

/** Parses content for a type; the issues carry paths relative to the content. */
export function parseContent(type: PracticeType, content: unknown) {
  return contentSchemas[type].safeParse(content);
}
