import type { PdfWriter } from '../../platform/pdf/index.js';
import type { PlanContent } from '../../../shared/treatment-plans/schemas.js';
import type { PlanData } from './document-data.js';
import { roleWord, sentenceCase, wallClock } from './words.js';

const frequencyWords: Record<string, string> = {
  twice_weekly: 'twice a week',
  weekly: 'every week',
  every_2_weeks: 'every 2 weeks',
  monthly: 'every month',
};

/** The treatment plan as agreed: its sections, the signatures (who, when) and the acknowledgement. */
export function drawTreatmentPlan(w: PdfWriter, plan: PlanData | null, zone: string): void {
  if (!plan) {
    w.paragraph('There is no agreed treatment plan yet.');
    return;
  }
  const c = plan.content;
  w.fields([
    ['Version', String(plan.number)],
    ['Agreed', wallClock(plan.agreedAt, zone)],
    ['Next review', plan.reviewDate ?? 'Not set'],
  ]);
  w.heading('Problems');
  w.table({
    columns: [
      { header: 'Problem', weight: 4 },
      { header: 'ICD-10-CM', weight: 1 },
    ],
    rows: c.problems.map((p) => [p.description, p.icd10 ?? '']),
    empty: 'No problems written down.',
  });
  w.heading('Goals');
  w.table({
    columns: [
      { header: 'Goal (in the patient’s words)', weight: 3 },
      { header: 'How we will know', weight: 2.5 },
      { header: 'By', weight: 1 },
      { header: 'Status', weight: 0.9 },
    ],
    rows: c.goals.map((g) => [
      g.inPatientsWords,
      g.measurableTarget,
      g.targetDate ?? '',
      sentenceCase(g.status),
    ]),
    empty: 'No goals written down.',
  });
  w.heading('Therapy');
  const t = c.therapy;
  w.fields([
    ['Approach', t.modality === 'other' ? (t.modalityOther ?? 'Other') : (t.modality ?? 'Not chosen')],
    [
      'Sessions',
      [
        t.frequency ? frequencyWords[t.frequency] : null,
        t.plannedSessions ? `${String(t.plannedSessions)} planned` : null,
      ]
        .filter(Boolean)
        .join(', ') || 'Not set',
    ],
    ['Focus', t.focus || '-'],
    ...(t.iptProblemArea ? [['IPT problem area', sentenceCase(t.iptProblemArea)] as const] : []),
    ['Practice between sessions', t.practiceBetweenSessions || '-'],
  ]);
  w.heading('Medication');
  w.fields([
    ['Strategy', c.medication.strategy || '-'],
    ['Medicines', plan.medicationNames.join(', ') || '-'],
  ]);
  w.heading('Measurement');
  w.table({
    columns: [
      { header: 'Questionnaire', weight: 1 },
      { header: 'At start', weight: 1 },
      { header: 'Schedule', weight: 3 },
    ],
    rows: c.measurement.questionnaires.map((q) => [
      q.instrument,
      q.atBaseline ? 'Yes' : 'No',
      `every ${String(q.everyWeeksEarly)} weeks for the first ${String(q.earlyPhaseWeeks)} weeks, then every ${String(q.everyWeeksAfter)} weeks`,
    ]),
    empty: 'No questionnaires planned.',
  });
  drawSafetyPlan(w, c.safetyPlan);
  w.heading('Signatures');
  w.table({
    columns: [
      { header: 'Signed by', weight: 2 },
      { header: 'Role', weight: 1.3 },
      { header: 'When', weight: 1.6 },
    ],
    rows: plan.signatures.map((s) => [s.name, roleWord(s.role), wallClock(s.signedAt, zone)]),
    empty: 'No signatures.',
  });
  w.heading('The patient’s acknowledgement', 2);
  w.paragraph(
    plan.acknowledgedAt === null
      ? 'Not yet acknowledged by the patient.'
      : `${plan.acknowledgedBy ?? 'The patient'} acknowledged this plan on ${wallClock(plan.acknowledgedAt, zone)}.`,
  );
}

/** The safety plan's sections in the order the patient works through them; contacts with their numbers. */
function drawSafetyPlan(w: PdfWriter, plan: PlanContent['safetyPlan']): void {
  w.heading('Safety plan');
  const contacts = (list: readonly { name: string; phone: string | null }[]) =>
    list.map((x) => (x.phone ? `${x.name}: ${x.phone}` : x.name));
  const sections: [string, string[]][] = [
    ['Warning signs', plan.warningSigns],
    ['Things I can do on my own', plan.thingsICanDoOnMyOwn],
    ['People and places that help', plan.peopleAndPlacesThatHelp],
    ['People I can ask for help', contacts(plan.peopleICanAskForHelp)],
    ['Professionals and crisis lines', contacts(plan.professionalsAndCrisisLines)],
    ['Making my surroundings safer', plan.makingMySurroundingsSafer],
  ];
  const written = sections.filter(([, items]) => items.length > 0);
  if (written.length === 0) {
    w.paragraph('No safety plan written in this version.', { colour: '#444' });
    return;
  }
  w.fields(written.map(([label, items]) => [label, items.join('\n')] as const));
}
