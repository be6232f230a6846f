import { z } from 'zod';
import { careTeamRoleSchema, roleSchema } from '../access/roles.js';
import { daySchema, planContentSchema, planEditSchema } from './schemas.js';

export { planEditSchema };

/**
 * draft: being written; awaiting_signatures: submitted, waiting for therapist and/or prescriber;
 * agreed: both signed this exact version (the current plan); superseded: a later version was agreed.
 */
export const planVersionStatuses = ['draft', 'awaiting_signatures', 'agreed', 'superseded'] as const;
export const planVersionStatusSchema = z.enum(planVersionStatuses);
export type PlanVersionStatus = z.infer<typeof planVersionStatusSchema>;

export const signatureSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: careTeamRoleSchema,
  signedAt: z.number(),
  /** The statement the signer confirmed (issue 15); null for signatures given before it was asked. */
  attestation: z.string().nullable(),
  /** false once a later edit changed the version this signature applied to. */
  valid: z.boolean(),
  invalidatedAt: z.number().nullable(),
});

export const planVersionSchema = z.object({
  id: z.string(),
  planId: z.string(),
  patientId: z.string(),
  /** 1, 2, 3… in the order the versions were started. */
  number: z.number(),
  status: planVersionStatusSchema,
  /** Optimistic-concurrency version of this record (ETag / If-Match). */
  version: z.number(),
  content: planContentSchema,
  /** Why this version was started (required for every version after the first). */
  reason: z.string().nullable(),
  templateId: z.string().nullable(),
  basedOnNumber: z.number().nullable(),
  createdBy: z.object({ userId: z.string(), name: z.string() }),
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
  agreedAt: z.number().nullable(),
  /** The day the review falls due (set at agreement; moves on when a review says "continue"). */
  reviewDate: z.string().nullable(),
  acknowledgedAt: z.number().nullable(),
  signatures: z.array(signatureSchema),
  /** Team members whose signature is still needed (therapist and prescriber roles). */
  awaitingSignatureFrom: z.array(
    z.object({ userId: z.string(), name: z.string(), role: careTeamRoleSchema }),
  ),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionSummarySchema = planVersionSchema.pick({
  id: true,
  number: true,
  status: true,
  reason: true,
  createdAt: true,
  agreedAt: true,
  acknowledgedAt: true,
  reviewDate: true,
});

/** One way the plan's medication part differs from the patient's medication records now (issue 15). */
export const medicationDifferenceSchema = z.object({
  kind: z.enum(['stopped', 'dose_changed', 'schedule_changed', 'record_missing', 'not_in_plan']),
  medicationId: z.string(),
  name: z.string(),
  /** The difference in plain words, e.g. "Sertraline: the plan has 50 mg; now 100 mg." */
  words: z.string(),
});
export type MedicationDifferenceView = z.infer<typeof medicationDifferenceSchema>;

/**
 * The statement every signer confirms (product policy, docs/clinical-rules.md "Signing a plan"). Stored with
 * the signature as it was worded when they signed.
 */
export const PLAN_ATTESTATION =
  'I have read this version of the plan, including every change shown since the last signed version, ' +
  'I have discussed it with the patient, and I agree to it as written.';

/** POST …/plan/draft/sign: the signer must confirm the attestation. */
export const signDraftSchema = z.object({
  /** true when the signer ticked the attestation; anything else is refused (400 at body.attested). */
  attested: z.boolean().optional(),
});

export const planOverviewSchema = z.object({
  planId: z.string(),
  patientId: z.string(),
  /** The agreed plan in force (null until the first agreement). */
  agreed: planVersionSchema.nullable(),
  /** The open draft (clinicians only; always null for the patient). */
  draft: planVersionSchema.nullable(),
  /** Every version the reader may see, newest first. */
  versions: z.array(planVersionSummarySchema),
  /** Where the agreed version's medication part differs from the current medication records (empty: agrees). */
  agreedMedicationDifferences: z.array(medicationDifferenceSchema),
  /** The same for the open draft (clinicians only; empty for the patient). */
  draftMedicationDifferences: z.array(medicationDifferenceSchema),
});
export type PlanOverview = z.infer<typeof planOverviewSchema>;

export const startPlanSchema = z.object({ templateId: z.string().max(64).optional() });
export const newDraftSchema = z.object({ reason: z.string().trim().min(3).max(1000) });

export const historyEntrySchema = z.object({
  id: z.string(),
  versionNumber: z.number(),
  action: z.enum([
    'started',
    'edited',
    'submitted',
    'signed',
    'signatures_invalidated',
    'agreed',
    'acknowledged',
    'reviewed',
  ]),
  by: z.object({ userId: z.string(), name: z.string(), role: roleSchema }),
  at: z.number(),
  /** Sections changed by an edit (problems, therapy…). */
  sections: z.array(z.string()),
  /** Why (a new version), or for "signed" the attestation the signer confirmed. */
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const fieldChangeSchema = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const planDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(fieldChangeSchema),
});

export const commentSchema = z.object({
  id: z.string(),
  versionNumber: z.number(),
  author: z.object({ userId: z.string(), name: z.string(), role: roleSchema }),
  body: z.string(),
  createdAt: z.number(),
});
export const newCommentSchema = z.object({ body: z.string().trim().min(1).max(4000) });

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  content: planContentSchema,
  createdBy: z.string().nullable(),
  createdAt: z.number(),
});
export type PlanTemplate = z.infer<typeof templateSchema>;
export const newTemplateSchema = z.object({
  name: z.string().trim().min(3).max(120),
  description: z.string().trim().max(1000).default(''),
  content: planContentSchema,
});

export const reviewDecisions = ['continue', 'adjust', 'step_up', 'step_down'] as const;
export const goalProgressSchema = z.object({
  goalId: z.string().max(40),
  progress: z.enum(['not_started', 'some_progress', 'much_progress', 'met', 'worse']),
  note: z.string().trim().max(1000).default(''),
});
export const newReviewSchema = z
  .object({
    heldOn: daySchema,
    /** Team members who took part. */
    participantUserIds: z.array(z.string().max(64)).min(1).max(10),
    patientTookPart: z.boolean(),
    goalProgress: z.array(goalProgressSchema).max(20),
    decision: z.enum(reviewDecisions),
    notes: z.string().trim().max(4000).default(''),
    /** continue only: when to review next (default: the clinic's review interval from heldOn). */
    nextReviewDate: daySchema.nullable().default(null),
  })
  .refine((r) => r.decision === 'continue' || r.notes.length >= 3, {
    error: 'Say what changes and why.',
    path: ['notes'],
  });
export const reviewSchema = z.object({
  id: z.string(),
  versionNumber: z.number(),
  heldOn: z.string(),
  participants: z.array(z.object({ userId: z.string(), name: z.string(), role: roleSchema })),
  patientTookPart: z.boolean(),
  goalProgress: z.array(goalProgressSchema),
  decision: z.enum(reviewDecisions),
  notes: z.string(),
  /** The draft this review started (adjust / step up / step down). */
  nextDraftNumber: z.number().nullable(),
  nextReviewDate: z.string().nullable(),
  recordedBy: z.object({ userId: z.string(), name: z.string() }),
  createdAt: z.number(),
});
export type PlanReview = z.infer<typeof reviewSchema>;

export const patientViewSectionSchema = z.object({
  key: z.string(),
  heading: z.string(),
  /** What this part of the plan is for, in plain words. */
  purpose: z.string(),
  /** What the plan says, as short lines. */
  whatWeAgreed: z.array(z.string()),
  /** What the patient can do to make it work. */
  whatYouCanDo: z.array(z.string()),
});
export const patientViewSchema = z.object({
  versionNumber: z.number(),
  agreedAt: z.number().nullable(),
  acknowledgedAt: z.number().nullable(),
  introduction: z.string(),
  /** Set when the patient's medicines changed after the plan was agreed (issue 15): plain words. */
  medicationNotice: z.string().nullable().optional(),
  sections: z.array(patientViewSectionSchema),
});
export type PatientView = z.infer<typeof patientViewSchema>;
