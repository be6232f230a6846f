import { defineRule } from './rule.js';

/** The agreed plan reached its review date: a routine alert to the therapist and the prescriber. */
export const planReviewDue = defineRule({
  name: 'plan-review-due',
  on: 'plan.review_due',
  evaluate: (event) => [
    {
      type: 'plan_review_due',
      severity: 'routine',
      title: 'Treatment plan review due',
      details: `The agreed plan was due for review on ${event.payload.reviewDate}. Record the review: progress on each goal and whether to continue, adjust, step up or step down.`,
      routeToRoles: ['therapist', 'prescriber'],
      subjectId: event.payload.versionId,
    },
  ],
});
