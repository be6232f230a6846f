import { addDays } from '../time/index.js';

/**
 * How long the session feedback form stays open: 14 days after the session's day (product decision,
 * issue 6). Long enough for someone who sees their therapist every other week to answer before the next
 * session; short enough that the answer still describes that session.
 */
export const FEEDBACK_OPEN_DAYS = 14;

/** Last day (patient's time zone) on which a session's feedback form accepts answers. */
export function feedbackClosesOn(sessionDay: string): string {
  return addDays(sessionDay, FEEDBACK_OPEN_DAYS);
}

export type FeedbackWindow = 'not_yet' | 'open' | 'closed';

/** Before the session starts the form is not open; after the last day it is closed. */
export function feedbackWindow(
  sessionAt: number,
  sessionDay: string,
  now: number,
  today: string,
): FeedbackWindow {
  if (now < sessionAt) return 'not_yet';
  return today <= feedbackClosesOn(sessionDay) ? 'open' : 'closed';
}

/**
 * The default low-rating threshold: 4 of 10, the lower half of the scale (product policy, issue 6). A clinic
 * can change it (clinic setting "feedbackLowRating", shared/clinic/settings.ts).
 */
export const DEFAULT_LOW_RATING = 4;

/** A low rating: goals or feeling heard at or below the threshold. It raises a routine alert to the therapist. */
export function isLowRating(goalsRating: number, heardRating: number, threshold: number): boolean {
  return goalsRating <= threshold || heardRating <= threshold;
}

/** The treatment is rated every 4 weeks (issue 6: "Every four weeks the patient rates…"). */
export const TREATMENT_RATING_EVERY_DAYS = 28;

/**
 * When the four-weekly treatment rating is due. Without any rating yet: 28 days after enrolment (the
 * patient first needs some experience of the treatment). After that the days keep to one grid anchored at
 * the first rating (first + 28, + 56, …), so a late answer does not push later rounds back: the next due
 * day is the first grid day after the latest rating.
 */
export function treatmentRatingDue(input: {
  enrolledDay: string;
  firstRatedDay: string | null;
  lastRatedDay: string | null;
  today: string;
}): { dueDay: string; isDue: boolean } {
  const { enrolledDay, firstRatedDay, lastRatedDay, today } = input;
  let dueDay: string;
  if (firstRatedDay === null || lastRatedDay === null) {
    dueDay = addDays(enrolledDay, TREATMENT_RATING_EVERY_DAYS);
  } else {
    dueDay = addDays(firstRatedDay, TREATMENT_RATING_EVERY_DAYS);
    while (dueDay <= lastRatedDay) dueDay = addDays(dueDay, TREATMENT_RATING_EVERY_DAYS);
  }
  return { dueDay, isDue: today >= dueDay };
}
