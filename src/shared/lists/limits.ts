/**
 * The maximum number of rows some list endpoints answer (issue 19: every list endpoint is paged or bounded
 * with a documented maximum; docs/api.md "List limits"). Product policy, not clinical rules. A list cut at its
 * maximum says so (`hasMore: true`) and the page says "Showing the latest N"; nothing is cut silently.
 */

/** A patient's alerts: every open one first, then the latest resolved ones, at most this many in all. */
export const PATIENT_ALERTS_MAX = 500;

/** A patient's side-effect reports: every open one, then the newest others, at most this many, newest first. */
export const SIDE_EFFECT_REPORTS_MAX = 100;

/** A patient's care-manager contacts: the latest this many, newest first. */
export const CARE_CONTACTS_MAX = 100;

/** The clinic's mail outbox as the admin reads it: the latest this many, newest first. */
export const OUTBOX_MAILS_MAX = 200;

/** A clinician's inbox (one view): the most severe first, then the newest, at most this many. */
export const INBOX_MAX = 500;

/** A clinician's consults across patients (GET /api/consults): open ones first, then the newest, at most this many. */
export const MY_CONSULTS_MAX = 500;

/** A clinician's open recommendations (GET /api/case-review/my-recommendations): earliest due first, at most this many. */
export const MY_RECOMMENDATIONS_MAX = 500;

/** The case reviews a clinician created or takes part in (GET /api/case-reviews): the latest this many by date. */
export const CASE_REVIEW_SESSIONS_MAX = 200;

/** The clinic's security alerts as the admin reads them: the most severe first, then the newest, at most this many. */
export const SECURITY_ALERTS_MAX = 200;

/**
 * A patient's practice entries as one reader sees them: the latest this many by day (about three years of a
 * daily practice; a patient with two daily ones reaches it in about 18 months), answered oldest first.
 */
export const PRACTICE_ENTRIES_MAX = 1000;

/** A patient's progress notes: every draft, then the latest signed ones by session, at most this many (ten years of weekly sessions). */
export const PROGRESS_NOTES_MAX = 500;

/**
 * A patient's appointments (one view): the coming ones first (earliest first), then the latest past ones, at
 * most this many (ten years of weekly sessions); answered in time order.
 */
export const APPOINTMENTS_MAX = 500;

/** A patient's session feedback: the latest this many by session (ten years of weekly sessions), answered oldest first. */
export const SESSION_FEEDBACK_MAX = 500;

/** A patient's conversations: the team thread, then those awaiting a reply, then the most recently active, at most this many. */
export const CONVERSATIONS_MAX = 200;

/** A therapist's own psychotherapy notes about one patient: the latest this many by session, newest first. */
export const PSYCHOTHERAPY_NOTES_MAX = 500;

/*
 * Lists of one patient's record that grow with the years of their care (issue 19): `?limit=` from 1 to the
 * maximum, the maximum when absent; `hasMore` when cut, and the page says "Showing the latest N"
 * (src/shared/lists/limit-query.ts). About ten years of weekly care each.
 */
/** Visit agenda items: every open one first, then the latest discussed ones. */
export const AGENDA_ITEMS_MAX = 500;
/** Risk assessments, newest first. */
export const RISK_ASSESSMENTS_MAX = 500;
/** Treatment-rating rounds, the latest ones. */
export const TREATMENT_RATINGS_MAX = 500;
/** One patient's consults, newest first. */
export const PATIENT_CONSULTS_MAX = 500;
/** Care-team changes, newest first. */
export const CARE_TEAM_CHANGES_MAX = 500;
/** Team-summary history (earlier versions), newest first. */
export const TEAM_SUMMARY_HISTORY_MAX = 500;
/** Treatment-plan history entries, newest first. */
export const PLAN_HISTORY_MAX = 500;
/** Comments on one plan version, the latest ones, oldest first. */
export const PLAN_COMMENTS_MAX = 500;
/** Plan reviews, the latest ones. */
export const PLAN_REVIEWS_MAX = 500;
/** A patient's medications: every current (active or paused) one, then the latest stopped ones. */
export const MEDICATIONS_MAX = 500;

/**
 * A patient's timeline window (GET /api/patients/:id/timeline, "My progress"): at most this many days (ten
 * years). Without `from`, the window is the ten years up to `to`; `hasMore` says the record starts earlier.
 */
export const TIMELINE_MAX_DAYS = 3653;
/** A patient's refill forecasts (one per medication with a counted supply): every current medication's first. */
export const SUPPLIES_MAX = 500;
