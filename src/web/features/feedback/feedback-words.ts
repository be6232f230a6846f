// Duet's own wording of the feedback questions, shared by the patient's forms and the clinician's view.
import { dateTimeFormat } from '../../components/format';

export const SESSION_QUESTIONS = {
  helped: 'What helped in this session?',
  notHelped: "What didn't help, or got in the way?",
  goals: 'How well did the session meet your goals?',
  heard: 'How well did you feel heard and understood?',
  change: 'Is there anything you would like to change next time?',
} as const;

/** Short names for the clinician's list and chart. */
export const SESSION_SHORT = {
  goals: 'Met goals',
  heard: 'Felt heard',
} as const;

export const TREATMENT_QUESTION = 'How much is each part of your treatment helping you right now?';

/** "Tue 3 Nov" style, for the patient's "How was your session on …?". */
export function sessionDate(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateTimeFormat({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}
