import { describe, expect, it } from 'vitest';
import { feedbackLowRating } from './feedback-low-rating.js';

const event = (goalsRating: number, heardRating: number, lowThreshold = 4) => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type: 'feedback.session_rated' as const,
  payload: {
    feedbackId: 'f1',
    appointmentId: 'a1',
    sessionDay: '2026-11-20',
    goalsRating,
    heardRating,
    lowThreshold,
  },
});

describe('feedback-low-rating', () => {
  it.each([
    [4, 9, 4, 1],
    [9, 4, 4, 1],
    [5, 5, 4, 0],
    [10, 10, 4, 0],
    [6, 8, 6, 1],
    [0, 0, 0, 1],
    [1, 3, 0, 0],
  ] as const)('goals %d, heard %d, threshold %d → %d alert(s)', (goals, heard, threshold, count) => {
    const specs = feedbackLowRating.evaluate(event(goals, heard, threshold));
    expect(specs).toHaveLength(count);
    if (count === 1)
      expect(specs[0]).toMatchObject({
        type: 'session_feedback_low',
        severity: 'routine',
        routeToRoles: ['therapist'],
        subjectId: 'f1',
      });
  });
});
