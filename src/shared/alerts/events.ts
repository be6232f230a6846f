import { z } from 'zod';
import { symptomCodes } from '../side-effects/symptoms.js';
import { pushMessageSchema } from '../push/texts.js';

/**
 * Domain events: facts other parts of Duet react to. Each is written to the outbox in the same
 * transaction as the fact itself (design §4, "Events go through an outbox"); the worker turns them into
 * alerts and notifications exactly once. Add a new event here with its payload schema.
 */
export const eventPayloadSchemas = {
  /** A plan version was submitted for signature; the listed clinicians still have to sign it. */
  'plan.signature_requested': z.object({
    planId: z.string(),
    versionId: z.string(),
    versionNumber: z.number(),
    awaitingUserIds: z.array(z.string()),
  }),
  /** The agreed plan reached its review date. */
  'plan.review_due': z.object({ planId: z.string(), versionId: z.string(), reviewDate: z.string() }),
  /** A patient wrote to their care team. */
  'message.from_patient': z.object({ conversationId: z.string(), messageId: z.string() }),
  /** A patient's message has had no answer from a clinician for 2 working days. */
  'message.unanswered': z.object({ conversationId: z.string(), messageId: z.string(), sentAt: z.number() }),
  /** One clinician asked another for a consult about a patient. */
  'consult.requested': z.object({
    consultId: z.string(),
    fromUserId: z.string(),
    toUserId: z.string(),
    priority: z.enum(['routine', 'high', 'urgent']),
    summary: z.string(),
  }),
  /** PHQ-9 item 9 (thoughts of self-harm) answered above 0. Must reach a clinician the same day. */
  'measure.self_harm_reported': z.object({
    responseId: z.string(),
    item9: z.number().int().min(1).max(3),
    total: z.number().nullable(),
  }),
  /** A questionnaire was answered, with its interpretation against the patient's baseline. */
  'measure.submitted': z.object({
    responseId: z.string(),
    instrument: z.enum(['phq9', 'gad7']),
    total: z.number().nullable(),
    severity: z.string().nullable(),
    baselineTotal: z.number().nullable(),
    changePoints: z.number().nullable(),
    changePercent: z.number().nullable(),
    response: z.boolean(),
    remission: z.boolean(),
    reliableImprovement: z.boolean(),
    reliableDeterioration: z.boolean(),
    /** First answer at response / remission since the previous one (absent on events written before these). */
    newlyResponse: z.boolean().optional(),
    newlyRemission: z.boolean().optional(),
    /** Issue 12: a positive item 9 or a self-harm entry the same day: no good news (absent on older events). */
    safetyConcernSameDay: z.boolean().optional(),
    /** Issue 12: a rise against the best recent score (shared/measures/interpretation.ts relapseFrom). */
    relapse: z
      .object({
        kind: z.enum(['rise_from_best', 'back_from_remission']),
        fromTotal: z.number(),
        risePoints: z.number(),
      })
      .nullable()
      .optional(),
  }),
  /**
   * Issue 12: the patient completed a practice entry (diary card, thought record) or sent a message that
   * shows a risk of self-harm (shared/practice/risk.ts). Routed by who may read the entry (its sharing).
   */
  'practice.self_harm_reported': z.object({
    entryId: z.string(),
    entryType: z.enum(['diary_card', 'thought_record', 'message']),
    day: z.string(),
    sharing: z.enum(['team', 'therapist']),
    reasons: z.array(z.enum(['self_harm_acted_on', 'suicidal_acted_on', 'high_suicidal_urge', 'not_safe'])),
    /** The entry, therapist-only when its alert was raised, is now shared with the team: alert the new readers. */
    sharedLater: z.boolean().optional(),
  }),
  /** A scheduled questionnaire is more than 7 days overdue. */
  'measure.overdue': z.object({
    instrument: z.enum(['phq9', 'gad7']),
    dueDate: z.string(),
    daysOverdue: z.number(),
  }),
  /** Week 10 or later of the current treatment with less than a 50% fall in PHQ-9 from baseline. */
  'treatment.not_improving': z.object({
    /** Issue 12: the plan's target questionnaire that is not improving (absent on older events: PHQ-9). */
    instrument: z.enum(['phq9', 'gad7']).optional(),
    weeksInTreatment: z.number(),
    baselineTotal: z.number(),
    latestTotal: z.number(),
    changePercent: z.number(),
  }),
  /** The patient gave feedback on an attended session (with the clinic's low-rating threshold at the time). */
  'feedback.session_rated': z.object({
    feedbackId: z.string(),
    appointmentId: z.string(),
    sessionDay: z.string(),
    goalsRating: z.number().int().min(0).max(10),
    heardRating: z.number().int().min(0).max(10),
    lowThreshold: z.number().int().min(0).max(10),
  }),
  /** Issue 11: the patient added an allergy, other medicine or condition; a clinician confirms it or not. */
  'medication_safety.patient_entry_added': z.object({
    entryId: z.string(),
    kind: z.enum(['allergy', 'other_medicine', 'condition']),
    /** What the patient entered, in clinicians' words (e.g. "Penicillin: hives (severe)"). */
    summary: z.string(),
    /** An allergy the patient called severe. */
    severe: z.boolean(),
  }),
  /** Issue 11: "current smoker" was taken off the record; whether a current medication is clozapine. */
  'medication_safety.smoking_stopped': z.object({
    entryId: z.string(),
    clozapineNames: z.array(z.string()),
  }),
  /** The psychiatric consultant recorded a case-review recommendation for the team. */
  'case_review.recommendation': z.object({
    recommendationId: z.string(),
    byUserId: z.string(),
    summary: z.string(),
    /** The consultant's priority; absent on events written before it was carried (routine then). */
    priority: z.enum(['routine', 'high']).optional(),
  }),
  /** Issue 15: a case-review recommendation was marked done or declined (with the reason). */
  'case_review.recommendation_closed': z.object({
    recommendationId: z.string(),
    outcome: z.enum(['done', 'declined']),
    byUserId: z.string(),
    summary: z.string(),
    reason: z.string(),
  }),
  /** Doses taken / scheduled over the clinic's window (default 14 days) fell below its threshold (default 80%). */
  'adherence.low': z.object({
    windowDays: z.number().int(),
    taken: z.number().int(),
    scheduled: z.number().int(),
    thresholdPercent: z.number(),
  }),
  /** Scheduled doses of one medication missed in a row (the clinic's count, default 3). */
  'adherence.missed_streak': z.object({
    medicationId: z.string(),
    medicationName: z.string(),
    missedInARow: z.number().int(),
    /** The streak's first missed dose: one event per streak. */
    firstMissedDoseKey: z.string(),
    firstMissedDay: z.string(),
  }),
  /** One regular medication's doses logged as taken / scheduled fell below the clinic threshold (issue 11). */
  'adherence.medication_low': z.object({
    medicationId: z.string(),
    medicationName: z.string(),
    windowDays: z.number().int(),
    taken: z.number().int(),
    scheduled: z.number().int(),
    thresholdPercent: z.number(),
  }),
  /** Lithium, clozapine or an anticonvulsant mood stabiliser not taken at all for days in a row (issue 11). */
  'adherence.critical_gap': z.object({
    medicationId: z.string(),
    medicationName: z.string(),
    /** 'lithium' | 'clozapine' | 'anticonvulsant_mood_stabiliser' (shared/adherence/per-medication.ts). */
    kind: z.string(),
    days: z.number().int(),
    firstDay: z.string(),
  }),
  /** As-needed doses logged on one local day went above the prescribed maximum per day (issue 11). */
  'dose.as_needed_above_max': z.object({
    medicationId: z.string(),
    medicationName: z.string(),
    localDate: z.string(),
    count: z.number().int(),
    maxPerDay: z.number(),
  }),
  /** A medication monitoring check is past due (issue 4); severity chosen by the check (clinic setting). */
  'medication.monitoring_overdue': z.object({
    medicationId: z.string(),
    medicationName: z.string(),
    test: z.string(),
    testLabel: z.string(),
    dueOn: z.string(),
    daysOverdue: z.number().int(),
    severity: z.enum(['routine', 'high']),
    prescriberId: z.string(),
  }),
  /** A laboratory result was interpreted outside its range (issue 11; medication-safety.md §3). */
  'lab.result_flagged': z.object({
    resultId: z.string(),
    medicationId: z.string().nullable(),
    medicationName: z.string().nullable(),
    test: z.string(),
    testLabel: z.string(),
    /** As entered, e.g. '2.4 mmol/L'. */
    valueText: z.string(),
    takenOn: z.string(),
    tier: z.enum(['abnormal', 'high', 'critical']),
    label: z.string(),
    action: z.string(),
    interrupt: z.boolean(),
    emergencyAdvice: z.string().nullable(),
    nextDueOn: z.string().nullable(),
    nextDueReason: z.string().nullable(),
  }),
  /** A patient reported side effects (issue 4; care-rules.md "Side effects"). To the prescriber. */
  'side_effect.reported': z.object({
    reportId: z.string(),
    medicationId: z.string().nullable(),
    medicationName: z.string().nullable(),
    /** The dose in effect when reported, e.g. '50 mg'. */
    doseText: z.string().nullable(),
    severity: z.enum(['mild', 'moderate', 'severe']),
    interference: z.number().int().min(0).max(6),
    wantsToStop: z.boolean(),
    symptoms: z.array(z.enum(symptomCodes)),
    /** The report's symptoms that the medication's catalogue entry lists as urgent. */
    urgentSymptoms: z.array(z.enum(symptomCodes)),
    /** Issue 11: the alert severity of the urgent symptoms (medication-safety.md section 4); absent before. */
    symptomAlert: z.enum(['urgent', 'high']).nullable().optional(),
    /** Issue 11: the advice the patient was given, per medication, most urgent first. */
    advice: z
      .array(
        z.object({
          kind: z.string(),
          medicationName: z.string().nullable(),
          symptoms: z.array(z.enum(symptomCodes)),
          text: z.string(),
        }),
      )
      .optional(),
  }),
  /**
   * Issue 11: new or worse thoughts of suicide ticked on a side-effect report (medication-safety.md
   * section 4): the self-harm path, urgent to the whole care team, like PHQ-9 item 9.
   */
  'side_effect.self_harm_reported': z.object({
    reportId: z.string(),
    /** The patient's current medications (an antidepressant early in treatment is the usual suspect). */
    medicationNames: z.array(z.string()),
    severity: z.enum(['mild', 'moderate', 'severe']),
  }),
  /** The patient missed appointments in a row (no-shows; the clinic's threshold, default 2). */
  'appointment.no_shows_in_a_row': z.object({
    appointmentId: z.string(),
    appointmentIds: z.array(z.string()),
    count: z.number().int(),
    clinicianId: z.string(),
  }),
  /** A session or review was marked attended (the patient's feedback form follows a therapy session). */
  'appointment.attended': z.object({
    appointmentId: z.string(),
    type: z.enum(['therapy_session', 'medication_review']),
    clinicianId: z.string(),
    startsAt: z.number(),
  }),
  /**
   * Issue 13: one account was refused again and again on patient records (shared/audit/refused-attempts.ts);
   * for the clinic's admins, once per burst. Names no patient.
   */
  'security.refused_attempts': z.object({
    actorId: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    refusals: z.number().int(),
    windowMinutes: z.number().int(),
    firstAt: z.number(),
    lastAt: z.number(),
  }),
  /**
   * Issue 17: a push notification for these accounts (shared/push/texts.ts, never clinical words). The push
   * feature queues one per account that chose the kind and has a subscription; its sender delivers them.
   */
  'push.requested': z.object({
    userIds: z.array(z.string()),
    message: pushMessageSchema,
    /** Not before this instant (a snoozed dose); quiet hours may move it later. */
    notBefore: z.number().nullable(),
  }),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  clinicId: string;
  patientId: string | null;
  payload: EventPayload<T>;
  createdAt: number;
}
