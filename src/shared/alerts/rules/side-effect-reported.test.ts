import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../events.js';
import { sideEffectReported } from './side-effect-reported.js';

const base: EventPayload<'side_effect.reported'> = {
  reportId: 'r1',
  medicationId: 'm1',
  medicationName: 'Sertraline',
  doseText: '50 mg',
  severity: 'moderate',
  interference: 2,
  wantsToStop: false,
  symptoms: ['nausea'],
  urgentSymptoms: [],
};

const evaluate = (payload: object) =>
  sideEffectReported.evaluate({
    id: 'ev1',
    clinicId: 'c1',
    patientId: 'p1',
    createdAt: 0,
    type: 'side_effect.reported',
    payload: { ...base, ...(payload as Partial<EventPayload<'side_effect.reported'>>) },
  });

describe('side-effect-reported (care-rules.md "Side effects")', () => {
  it.each([
    ['mild, nothing else', { severity: 'mild' }, 'routine', 'Side-effect report'],
    ['moderate nausea', {}, 'routine', 'Side-effect report'],
    ['severe', { severity: 'severe' }, 'urgent', 'severe'],
    ['wants to stop (mild)', { severity: 'mild', wantsToStop: true }, 'urgent', 'wants to stop'],
    [
      'rash on lamotrigine (mild)',
      { severity: 'mild', medicationName: 'Lamotrigine', symptoms: ['rash'], urgentSymptoms: ['rash'] },
      'urgent',
      'urgent symptom',
    ],
    ['rash on sertraline is not urgent by itself', { symptoms: ['rash'] }, 'routine', 'Side-effect report'],
    [
      'not sure which medication',
      { medicationId: null, medicationName: null, doseText: null },
      'routine',
      'Side-effect report',
    ],
  ] as const)('%s → %s to the prescriber', (_name, payload, severity, title) => {
    const specs = evaluate(payload);
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'side_effect_report',
      severity,
      routeToRoles: ['prescriber'],
      subjectId: 'r1',
    });
    expect(specs[0]?.title).toContain(title);
  });

  it('says what was reported, the dose and why it is urgent', () => {
    const [spec] = evaluate({ severity: 'severe', wantsToStop: true, interference: 5 });
    expect(spec?.title).toBe('Side-effect report: severe, wants to stop or change');
    expect(spec?.details).toContain('Sertraline 50 mg');
    expect(spec?.details).toContain('feeling sick (nausea)');
    expect(spec?.details).toContain('5/6 (a great deal)');
    expect(spec?.details).toContain('wants to stop');
  });

  it.each([
    [
      'clozapine, fever and sore throat (moderate)',
      {
        medicationName: 'Clozapine',
        symptoms: ['fever_sore_throat'],
        urgentSymptoms: ['fever_sore_throat'],
        symptomAlert: 'urgent',
        advice: [
          {
            kind: 'call_prescriber_today',
            medicationName: 'Clozapine',
            symptoms: ['fever_sore_throat'],
            text: 'Contact your prescriber today about Clozapine.',
          },
        ],
      },
      'urgent',
      'Urgent for Clozapine: fever, sore throat or a flu-like illness (patient told: contact the prescriber today).',
    ],
    [
      'quetiapine, thirst (a high row)',
      {
        medicationName: 'Quetiapine',
        symptoms: ['thirst_urination'],
        urgentSymptoms: ['thirst_urination'],
        symptomAlert: 'high',
        advice: [
          {
            kind: 'call_prescriber_today',
            medicationName: 'Quetiapine',
            symptoms: ['thirst_urination'],
            text: 'Contact your prescriber today about Quetiapine.',
          },
        ],
      },
      'high',
      'Urgent for Quetiapine: very thirsty',
    ],
    [
      'tremor on sertraline: no urgent row',
      { medicationName: 'Sertraline', symptoms: ['tremor'], urgentSymptoms: [], symptomAlert: null },
      'routine',
      'shaking (tremor)',
    ],
  ] as const)('%s → %s, naming the medication and its urgent symptoms', (_n, payload, severity, text) => {
    const [spec] = evaluate(payload);
    expect(spec?.severity).toBe(severity);
    expect(spec?.details).toContain(text);
    if (severity !== 'routine') expect(spec?.title).toContain(payload.medicationName);
  });

  it('a report without a named medication says so', () => {
    const [spec] = evaluate({ medicationId: null, medicationName: null, doseText: null, symptoms: [] });
    expect(spec?.details).toContain('medication not named');
    expect(spec?.details).toContain('described in their own words');
  });
});
