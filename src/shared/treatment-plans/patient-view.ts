import type { PatientView } from './api-schemas.js';
import type { PlanContent } from './schemas.js';

// Duet's own wording, written for patients: short sentences, no jargon, "you" and "your team".

const modalityNames: Record<string, string> = {
  CBT: 'cognitive behavioural therapy (CBT)',
  DBT: 'dialectical behaviour therapy (DBT)',
  IPT: 'interpersonal therapy (IPT)',
};
const frequencyWords: Record<string, string> = {
  twice_weekly: 'twice a week',
  weekly: 'once a week',
  every_2_weeks: 'every two weeks',
  monthly: 'once a month',
};
const iptAreaWords: Record<string, string> = {
  grief: 'coping with a loss',
  role_disputes: 'a disagreement with someone important to you',
  role_transitions: 'a big change in your life',
  interpersonal_deficits: 'building and keeping relationships',
};
const goalStatusWords: Record<string, string> = {
  active: 'working on it',
  met: 'reached',
  dropped: 'set aside',
};

function therapyLines(t: PlanContent['therapy']): string[] {
  const name =
    t.modality === 'other' ? (t.modalityOther ?? 'talking therapy') : modalityNames[t.modality ?? ''];
  const out: string[] = [];
  if (name) out.push(`Therapy: ${name}${t.frequency ? `, ${frequencyWords[t.frequency] ?? ''}` : ''}.`);
  if (t.plannedSessions) out.push(`About ${String(t.plannedSessions)} sessions are planned.`);
  if (t.iptProblemArea) out.push(`We will focus on ${iptAreaWords[t.iptProblemArea] ?? ''}.`);
  if (t.focus) out.push(`Focus: ${t.focus}`);
  if (t.practiceBetweenSessions) out.push(`Between sessions: ${t.practiceBetweenSessions}`);
  return out;
}

function measurementLines(m: PlanContent['measurement']): string[] {
  return m.questionnaires.map(
    (q) =>
      `${q.instrument}: ${q.atBaseline ? 'once at the start, then ' : ''}every ${String(q.everyWeeksEarly)} weeks for the first ${String(q.earlyPhaseWeeks)} weeks, then every ${String(q.everyWeeksAfter)} weeks.`,
  );
}

/** The agreed plan explained to the patient: what each part is for and what they can do. */
/** The changes the plan intends, in plain words (issue 15); "continue" needs no line (the regimen shows it). */
export function intendedChanges(c: PlanContent): string[] {
  const withNote = (text: string, note: string) => `${text}${note ? `: ${note}` : '.'}`;
  return [
    ...c.medication.linked.flatMap((l) => {
      const name = l.snapshot?.name;
      if (name === undefined || l.snapshot?.status === 'stopped') return [];
      if (l.intent === 'change_dose') return [withNote(`We plan to change the dose of ${name}`, l.note)];
      if (l.intent === 'stop') return [withNote(`We plan to stop ${name}`, l.note)];
      return [];
    }),
    ...c.medication.toStart.map((s) => withNote(`We plan to start ${s.name}`, s.note)),
  ];
}

export function buildPatientView(
  c: PlanContent,
  meta: {
    versionNumber: number;
    agreedAt: number | null;
    acknowledgedAt: number | null;
    reviewDate: string | null;
  },
): PatientView {
  return {
    versionNumber: meta.versionNumber,
    agreedAt: meta.agreedAt,
    acknowledgedAt: meta.acknowledgedAt,
    introduction:
      'This is the plan your therapist and your prescriber agreed with you. Therapy and medication work ' +
      'best together, and you are the most important person on the team. If anything here is unclear or ' +
      'does not feel right, ask us: you can leave a question at the bottom of this page.',
    sections: [
      {
        key: 'problems',
        heading: 'What we are working on',
        purpose: 'These are the difficulties we agreed to work on together.',
        whatWeAgreed: c.problems.map((p) => p.description),
        whatYouCanDo: ['Tell us if something important is missing or has changed.'],
      },
      {
        key: 'goals',
        heading: 'Your goals',
        purpose: 'Your goals, in your own words, and how we will know we are getting there.',
        whatWeAgreed: c.goals.map(
          (g) =>
            `${g.inPatientsWords}${g.measurableTarget ? ` (we will know by: ${g.measurableTarget})` : ''}` +
            `${g.targetDate ? `, by ${g.targetDate}` : ''}: ${goalStatusWords[g.status] ?? g.status}.`,
        ),
        whatYouCanDo: ['Tell your therapist what helps and what does not, so we can adjust the plan.'],
      },
      {
        key: 'therapy',
        heading: 'Your therapy',
        purpose: 'Therapy helps you learn skills to change how you feel, think and act.',
        whatWeAgreed: therapyLines(c.therapy),
        whatYouCanDo: [
          'Come to your sessions, or let us know early if you cannot make one.',
          'Practise the skills between sessions: that is where most of the change happens.',
          'Tell your therapist what helps.',
        ],
      },
      {
        key: 'medication',
        heading: 'Your medication',
        purpose: 'Medication can ease symptoms so that therapy and daily life feel more manageable.',
        whatWeAgreed: [...(c.medication.strategy ? [c.medication.strategy] : []), ...intendedChanges(c)],
        whatYouCanDo: [
          'Take your medication as prescribed, and log your doses in Duet.',
          'Many medicines take a few weeks to work; sleep and appetite often improve before mood. Keep going and tell us how it is going.',
          'Report side effects in Duet, and talk to your prescriber before stopping or changing a medicine.',
        ],
      },
      {
        key: 'measurement',
        heading: 'Checking how you are doing',
        purpose: 'Short questionnaires show us whether the treatment is working, so we can change it if not.',
        whatWeAgreed: measurementLines(c.measurement),
        whatYouCanDo: ['Fill in the questionnaires when Duet asks: it takes a few minutes.'],
      },
      {
        key: 'review',
        heading: 'When we look at the plan again',
        purpose: 'We review the plan together to see what is working and what to change.',
        whatWeAgreed: meta.reviewDate ? [`Next review: ${meta.reviewDate}.`] : [],
        whatYouCanDo: ['Think about what has helped and what has not before the review.'],
      },
      {
        key: 'safetyPlan',
        heading: 'Your safety plan',
        purpose:
          'Steps to follow if things get very hard, written with you. You can open it any time in Duet.',
        whatWeAgreed: [
          ...c.safetyPlan.professionalsAndCrisisLines.map((x) => `${x.name}${x.phone ? `: ${x.phone}` : ''}`),
        ],
        whatYouCanDo: [
          'Keep your safety plan where you can find it, and use it early.',
          'If you are in danger right now, call your local emergency number.',
        ],
      },
    ],
  };
}
