// Words for the treatment plan on clinician pages. Display only: the rules live in src/shared.
import type { Medication } from '../../../shared/medications/schemas';
import type { PlanContent, PlanOverview, PlanVersionStatus } from '../../../shared/treatment-plans/api';

export const MODALITY_LABELS = { CBT: 'CBT', DBT: 'DBT', IPT: 'IPT', other: 'Other' } as const;
export const FREQUENCY_LABELS = {
  twice_weekly: 'Twice a week',
  weekly: 'Weekly',
  every_2_weeks: 'Every 2 weeks',
  monthly: 'Monthly',
} as const;
export const IPT_AREA_LABELS = {
  grief: 'Grief',
  role_disputes: 'Role disputes',
  role_transitions: 'Role transitions',
  interpersonal_deficits: 'Interpersonal deficits',
} as const;
export const GOAL_STATUS_LABELS = { active: 'Active', met: 'Met', dropped: 'Dropped' } as const;
export const DECISION_LABELS = {
  continue: 'Continue',
  adjust: 'Adjust',
  step_up: 'Step up',
  step_down: 'Step down',
} as const;
export const PROGRESS_LABELS = {
  not_started: 'Not started',
  some_progress: 'Some progress',
  much_progress: 'Much progress',
  met: 'Met',
  worse: 'Worse',
} as const;
export const SECTION_LABELS: Record<string, string> = {
  problems: 'Problems',
  goals: 'Goals',
  therapy: 'Therapy',
  medication: 'Medication',
  measurement: 'Measurement plan',
  reviewDate: 'Review date',
  safetyPlan: 'Safety plan',
};
/** Issue 12: which questionnaire treat-to-target follows (shared/registry/status.ts reads the plan's choice). */
export const TARGET_LABELS = {
  'PHQ-9': 'PHQ-9',
  'GAD-7': 'GAD-7',
  both: 'Both (the worse counts)',
} as const;
export type PlanTarget = keyof typeof TARGET_LABELS;
type Measurement = PlanContent['measurement'];

/** The plan's target questionnaire; a plan that never chose one follows both (where both are measured). */
export const planTarget = (m: Measurement): PlanTarget => m.target ?? 'both';

/** The measurement part with a new questionnaire list: the target choice stays as it was. */
export const withQuestionnaires = (m: Measurement, questionnaires: Measurement['questionnaires']) => ({
  ...m,
  questionnaires,
});

/** One line for the plan view: what treat-to-target follows. */
export function targetWords(m: Measurement): string {
  const target = planTarget(m);
  if (target === 'both')
    return 'Target: PHQ-9 and GAD-7, the worse of the two counts (GAD-7 only once it has been measured)';
  return `Target: ${target}`;
}

/** A hint (never a block) when the target questionnaire is not one the plan asks for. */
export function targetHint(m: Measurement): string | null {
  const target = planTarget(m);
  if (target === 'both') return null;
  return m.questionnaires.some((q) => q.instrument === target)
    ? null
    : `${target} is the target but this plan does not ask for it: add it above, or treat-to-target has nothing to follow.`;
}

export const SAFETY_SECTION_LABELS = {
  warningSigns: 'Warning signs',
  thingsICanDoOnMyOwn: 'Things I can do on my own',
  peopleAndPlacesThatHelp: 'People and places that help',
  peopleICanAskForHelp: 'People I can ask for help',
  professionalsAndCrisisLines: 'Professionals and crisis lines',
  makingMySurroundingsSafer: 'Making my surroundings safer',
} as const;

export const VERSION_STATUS_LABELS: Record<PlanVersionStatus, string> = {
  draft: 'Draft',
  awaiting_signatures: 'Awaiting signatures',
  agreed: 'Agreed',
  superseded: 'Superseded',
};

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  started: 'started',
  edited: 'edited',
  submitted: 'sent for signature',
  signed: 'signed',
  signatures_invalidated: 'signatures invalidated by an edit',
  agreed: 'agreed',
  acknowledged: 'acknowledged by the patient',
  reviewed: 'reviewed',
};

export type PlanStatus = 'none' | 'draft' | 'awaiting_signatures' | 'agreed' | 'acknowledged';

/** The one status a clinician sees first: the open draft's, else the agreed plan's. */
export function planStatus(plan: PlanOverview | null): PlanStatus {
  if (!plan) return 'none';
  if (plan.draft) return plan.draft.status === 'awaiting_signatures' ? 'awaiting_signatures' : 'draft';
  if (plan.agreed) return plan.agreed.acknowledgedAt !== null ? 'acknowledged' : 'agreed';
  return 'none';
}

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  none: 'No plan yet',
  draft: 'Draft',
  awaiting_signatures: 'Awaiting signatures',
  agreed: 'Agreed',
  acknowledged: 'Agreed and acknowledged',
};
export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = {
  none: 'gray',
  draft: 'yellow',
  awaiting_signatures: 'orange',
  agreed: 'green',
  acknowledged: 'teal',
};

/** "goals[id=g1].status" → "Goals › g1 › status": readable enough for a diff row. */
export function pathLabel(path: string): string {
  const readable = path
    .replace(/\[id=([^\]]+)\]/g, '.$1')
    .replace(/\[(\d+)\]/g, (_m, i: string) => `.#${String(Number(i) + 1)}`);
  const [first = '', ...rest] = readable.split('.');
  const field = (part: string) =>
    first === 'measurement' && part === 'target' ? 'Target questionnaire' : part;
  return [SECTION_LABELS[first] ?? first, ...rest.map(field)].join(' › ');
}

/** Any JSON value from a diff, as short text. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(valueText).join('\n');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'id' && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join('\n');
  }
  return '—';
}

/** What the plan intends for a linked medication record (issue 15). */
export const INTENT_LABELS = {
  continue: 'Continue as prescribed',
  change_dose: 'Change the dose',
  stop: 'Stop',
} as const;

/** A medication record as it is today, e.g. "50 mg, 08:00 every day" or "stopped (last day 2026-11-20)". */
export function medicationNow(m: Medication): string {
  if (m.status === 'stopped') return `stopped${m.endDate ? ` (last day ${m.endDate})` : ''}`;
  const p = m.current ?? m.upcoming[0] ?? null;
  if (p === null) return 'no dose recorded';
  if (p.paused) return 'paused';
  const when = m.current ? '' : ` from ${p.from}`;
  return `${String(p.doseAmount)} ${p.doseUnit}, ${p.scheduleText}${when}`;
}
