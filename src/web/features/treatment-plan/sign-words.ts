// Words for the sign step's changes (issue 15). Display only: the diff itself is shared/treatment-plans/word-diff.ts.
import type { PlanContent } from '../../../shared/treatment-plans/api';
import {
  FREQUENCY_LABELS,
  GOAL_STATUS_LABELS,
  INTENT_LABELS,
  IPT_AREA_LABELS,
  SAFETY_SECTION_LABELS,
  SECTION_LABELS,
} from './plan-words';

const FIELD_LABELS: Record<string, string> = {
  ...SAFETY_SECTION_LABELS,
  description: 'description',
  icd10: 'ICD-10-CM',
  inPatientsWords: 'in the patient’s words',
  measurableTarget: 'measurable target',
  targetDate: 'target date',
  status: 'status',
  modality: 'modality',
  modalityOther: 'other approach',
  frequency: 'frequency',
  plannedSessions: 'planned sessions',
  focus: 'focus',
  iptProblemArea: 'IPT problem area',
  practiceBetweenSessions: 'practice between sessions',
  strategy: 'strategy',
  linked: 'medication',
  toStart: 'medication to start',
  intent: 'intended change',
  note: 'note',
  snapshot: 'as the plan saw it',
  dose: 'dose',
  schedule: 'schedule',
  steps: 'planned steps',
  endDate: 'last day',
  name: 'name',
  phone: 'phone',
  questionnaires: 'questionnaire',
  target: 'target questionnaire',
};

const fieldWords = (key: string) =>
  FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A changed path in words, e.g. "medication.linked[0].intent" → "Medication › Sertraline › intended change",
 * "goals[id=g1].status" → "Goals › status", "safetyPlan.warningSigns[1]" → "Safety plan › Warning signs #2".
 */
export function changeLabel(path: string, before: PlanContent, after: PlanContent): string {
  const segments = path.split('.');
  const section = /^[A-Za-z0-9]+/.exec(segments[0] ?? '')?.[0] ?? '';
  return segments
    .map((segment, at) => {
      const m = /^([A-Za-z0-9]+)(?:\[(?:id=[^\]]+|(\d+))\])?$/.exec(segment);
      if (!m) return segment;
      const [, key = '', index] = m;
      const number = index === undefined ? '' : ` #${String(Number(index) + 1)}`;
      if (at === 0) return `${SECTION_LABELS[key] ?? fieldWords(key)}${number}`;
      if (section === 'medication' && key === 'linked' && index !== undefined) {
        const i = Number(index);
        return (
          (after.medication.linked[i] ?? before.medication.linked[i])?.snapshot?.name ?? `medication${number}`
        );
      }
      return `${fieldWords(key)}${number}`;
    })
    .join(' › ');
}

/** The plan with coded values in words (intents, frequency, IPT area, goal status), so the diff reads well. */
export function readablePlan(c: PlanContent): unknown {
  return {
    ...c,
    goals: c.goals.map((g) => ({ ...g, status: GOAL_STATUS_LABELS[g.status] })),
    therapy: {
      ...c.therapy,
      frequency: c.therapy.frequency ? FREQUENCY_LABELS[c.therapy.frequency] : null,
      iptProblemArea: c.therapy.iptProblemArea ? IPT_AREA_LABELS[c.therapy.iptProblemArea] : null,
    },
    medication: {
      ...c.medication,
      linked: c.medication.linked.map((l) => ({ ...l, intent: INTENT_LABELS[l.intent] })),
    },
    measurement: {
      ...c.measurement,
      questionnaires: c.measurement.questionnaires.map(
        (q) =>
          `${q.instrument}${q.atBaseline ? ' at baseline, then' : ''} every ${String(q.everyWeeksEarly)} weeks ` +
          `for ${String(q.earlyPhaseWeeks)} weeks, then every ${String(q.everyWeeksAfter)} weeks`,
      ),
    },
  };
}
