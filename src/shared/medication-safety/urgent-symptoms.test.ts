import { describe, expect, it } from 'vitest';
import { symptomCodes, type SymptomCode } from '../side-effects/symptoms.js';
import {
  assessUrgentSymptoms,
  urgentSymptomRows,
  urgentSymptomsForMedication,
  type AdviceKind,
  type PatientMedication,
  type UrgentSymptomsInput,
} from './urgent-symptoms.js';

const today = '2026-12-06';
const med = (name: string, extra: Partial<PatientMedication> = {}): PatientMedication => ({
  id: `m-${name.toLowerCase().replace(/\W+/g, '-')}`,
  name,
  lastStartOrChange: '2026-01-01',
  ...extra,
});
const assess = (
  meds: PatientMedication[],
  symptoms: SymptomCode[],
  more: Partial<UrgentSymptomsInput> = {},
) =>
  assessUrgentSymptoms({ medications: meds, ageYears: 40, today, symptoms, severity: 'moderate', ...more });

describe('urgent symptoms per medication (medication-safety.md section 4), one case per row', () => {
  it.each<
    [
      string,
      PatientMedication[],
      SymptomCode[],
      Partial<UrgentSymptomsInput>,
      AdviceKind[],
      'urgent' | 'high',
    ]
  >([
    [
      'lamotrigine: any rash → stop and call',
      [med('Lamotrigine')],
      ['rash'],
      {},
      ['stop_and_call_today'],
      'urgent',
    ],
    [
      'lamotrigine: rash with fever → emergency, then stop',
      [med('Lamotrigine')],
      ['rash', 'fever_sore_throat'],
      {},
      ['emergency', 'stop_and_call_today'],
      'urgent',
    ],
    [
      'lamotrigine: rash with blisters → emergency',
      [med('Lamictal')],
      ['rash', 'blisters'],
      {},
      ['emergency', 'stop_and_call_today'],
      'urgent',
    ],
    [
      'lamotrigine: rash with mouth sores → emergency',
      [med('Lamotrigine')],
      ['rash', 'mouth_sores'],
      {},
      ['emergency', 'stop_and_call_today'],
      'urgent',
    ],
    [
      'lamotrigine: rash with swollen glands → stop and call',
      [med('Lamotrigine')],
      ['rash', 'swollen_glands'],
      {},
      ['stop_and_call_today'],
      'urgent',
    ],
    [
      'clozapine: fever/sore throat → call today',
      [med('Clozapine')],
      ['fever_sore_throat'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'clozapine: constipation → call today',
      [med('Clozaril')],
      ['constipation'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'clozapine: chest pain → emergency first',
      [med('Clozapine')],
      ['chest_pain'],
      {},
      ['emergency', 'call_prescriber_today'],
      'urgent',
    ],
    [
      'clozapine: seizure → emergency first',
      [med('Clozapine')],
      ['seizure'],
      {},
      ['emergency', 'call_prescriber_today'],
      'urgent',
    ],
    [
      'lithium: coarse shaking → call today',
      [med('Lithium carbonate ER')],
      ['coarse_shaking'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'lithium: tremor → call today (policy)',
      [med('Lithium')],
      ['tremor'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'lithium: confusion → emergency',
      [med('Lithium')],
      ['confusion', 'vomiting'],
      {},
      ['emergency', 'call_prescriber_today'],
      'urgent',
    ],
    [
      'valproate: yellow skin → call today',
      [med('Depakote')],
      ['yellow_skin_eyes'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'valproate: bruising → call today',
      [med('Valproic acid')],
      ['bruising_bleeding'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'any antipsychotic: fever with stiff muscles → emergency',
      [med('Aripiprazole')],
      ['fever_stiff_muscles'],
      {},
      ['emergency'],
      'urgent',
    ],
    [
      'serotonergic: two signs → call today',
      [med('Sertraline')],
      ['shivering', 'muscle_twitching'],
      {},
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'serotonergic: severe → emergency',
      [med('Sertraline')],
      ['agitation', 'sweating'],
      { ageYears: 40, severity: 'severe' },
      ['emergency'],
      'urgent',
    ],
    [
      'antidepressant, 19 years: agitation → call the team today',
      [med('Fluoxetine')],
      ['agitation'],
      { ageYears: 19 },
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'antidepressant, 19 years: suicidal thoughts → crisis line',
      [med('Fluoxetine')],
      ['suicidal_thoughts'],
      { ageYears: 19 },
      ['crisis_line'],
      'urgent',
    ],
    [
      'antidepressant, 50 years, started 10 days ago: restlessness → call today',
      [med('Bupropion', { lastStartOrChange: '2026-11-26' })],
      ['restlessness'],
      { ageYears: 50 },
      ['call_prescriber_today'],
      'urgent',
    ],
    [
      'trazodone: erection over 4 hours → emergency',
      [med('Trazodone')],
      ['long_erection'],
      {},
      ['emergency'],
      'urgent',
    ],
    ['bupropion: seizure → emergency', [med('Wellbutrin XL')], ['seizure'], {}, ['emergency'], 'urgent'],
    [
      'benzodiazepine: very sleepy → emergency',
      [med('Lorazepam')],
      ['very_sleepy_slow_breathing'],
      {},
      ['emergency'],
      'urgent',
    ],
    [
      'stimulant: chest pain → emergency',
      [med('Methylphenidate')],
      ['chest_pain'],
      {},
      ['emergency'],
      'urgent',
    ],
    ['stimulant: fainting → emergency', [med('Adderall')], ['fainting'], {}, ['emergency'], 'urgent'],
    [
      'second-generation antipsychotic: thirst → call today, high',
      [med('Quetiapine')],
      ['thirst_urination'],
      {},
      ['call_prescriber_today'],
      'high',
    ],
    ['prazosin: fainting → call, high', [med('Prazosin')], ['fainting'], {}, ['call_prescriber'], 'high'],
    [
      'anyone: suicidal thoughts → crisis line',
      [med('Hydroxyzine')],
      ['suicidal_thoughts'],
      {},
      ['crisis_line'],
      'urgent',
    ],
  ])('%s', (_name, meds, symptoms, more, kinds, alert) => {
    const result = assess(meds, symptoms, more);
    expect(result.items.map((i) => i.kind)).toEqual(kinds);
    expect(result.alert).toBe(alert);
    for (const item of result.items) expect(item.source.length).toBeGreaterThan(10);
  });

  it('every row has symptoms from the checklist, a source, and at least one case above', () => {
    for (const row of urgentSymptomRows) {
      expect(row.symptoms.length).toBeGreaterThan(0);
      for (const s of row.symptoms) expect(symptomCodes).toContain(s);
      expect(row.source).toMatch(/label|care-rules|FDA/);
    }
    expect(urgentSymptomRows.map((r) => r.id)).toHaveLength(14);
  });

  it('the lamotrigine rash says: do not take the next dose, contact the prescriber today (never "do not stop suddenly")', () => {
    const result = assess([med('Lamotrigine')], ['rash']);
    expect(result.items[0]?.text).toBe(
      'Do not take your next dose of Lamotrigine and contact your prescriber today.',
    );
    expect(result.stopMedicationIds).toEqual(['m-lamotrigine']);
    expect(result.overridesDoNotStopSuddenly).toBe(true);
    expect(result.urgentSymptoms).toEqual(['rash']);
  });

  it('catalogue and free-text entries behave the same', () => {
    const catalogue = assess(
      [
        med('Lithium', {
          genericName: 'lithium',
          drugClass: 'mood stabilizer',
          drugGroup: 'mood stabilizer',
        }),
      ],
      ['coarse_shaking'],
    );
    const freeText = assess([med('Lithium carbonate ER 300 mg')], ['coarse_shaking']);
    expect(catalogue.alert).toBe('urgent');
    expect(freeText.alert).toBe('urgent');
    expect(freeText.items.map((i) => i.kind)).toEqual(catalogue.items.map((i) => i.kind));
  });

  it('not urgent: rash on sertraline, one serotonin sign, agitation at 40 long after the start, unknown medicine', () => {
    expect(assess([med('Sertraline')], ['rash']).alert).toBeNull();
    expect(assess([med('Sertraline')], ['sweating']).alert).toBeNull();
    expect(assess([med('Bupropion')], ['agitation'], { ageYears: 40 }).alert).toBeNull();
    expect(assess([med('Mystery tonic')], ['rash', 'tremor']).items).toEqual([]);
    expect(assess([med('Lamotrigine')], ['nausea']).overridesDoNotStopSuddenly).toBe(false);
  });

  it('any medication the patient takes counts, and the order is most urgent first', () => {
    const result = assess(
      [med('Lamotrigine'), med('Clonazepam'), med('Sertraline')],
      ['rash', 'very_sleepy_slow_breathing', 'suicidal_thoughts'],
      { ageYears: 22 },
    );
    expect(result.items.map((i) => [i.kind, i.medicationName])).toEqual([
      ['emergency', 'Clonazepam'],
      ['crisis_line', 'Sertraline'],
      ['stop_and_call_today', 'Lamotrigine'],
    ]);
    expect(result.selfHarm).toBe(true);
  });

  it('the checklist lists the urgent symptoms of each medication', () => {
    expect(urgentSymptomsForMedication(med('Lamictal'), { ageYears: 40, today })).toEqual([
      'rash',
      'blisters',
      'mouth_sores',
      'swollen_glands',
    ]);
    const cloz = urgentSymptomsForMedication(med('Clozapine'), { ageYears: 40, today });
    expect(cloz).toEqual(
      expect.arrayContaining([
        'fever_sore_throat',
        'chest_pain',
        'constipation',
        'fever_stiff_muscles',
        'thirst_urination',
      ]),
    );
    expect(urgentSymptomsForMedication(med('Sertraline'), { ageYears: 20, today })).toContain(
      'suicidal_thoughts',
    );
    expect(urgentSymptomsForMedication(med('Sertraline'), { ageYears: 40, today })).not.toContain(
      'suicidal_thoughts',
    );
  });

  it('the clinic catalogue’s urgent symptoms add to the rows (never twice for the same symptom)', () => {
    const sertraline = med('Sertraline', { clinicUrgentSymptoms: ['rash'] });
    const result = assess([sertraline], ['rash']);
    expect(result.items).toMatchObject([
      { kind: 'call_prescriber_today', rowId: 'clinic_catalogue', symptoms: ['rash'], alert: 'urgent' },
    ]);
    const lamotrigine = med('Lamotrigine', { clinicUrgentSymptoms: ['rash'] });
    expect(assess([lamotrigine], ['rash']).items.map((i) => i.rowId)).toEqual(['lamotrigine_rash']);
    expect(urgentSymptomsForMedication(sertraline, { ageYears: 40, today })).toContain('rash');
  });

  it('under 25 means up to the day before the 25th birthday', () => {
    const young = { ageYears: 24, severity: 'moderate' as const };
    expect(assess([med('Sertraline')], ['agitation'], young).alert).toBe('urgent');
    expect(assess([med('Sertraline')], ['agitation'], { ...young, ageYears: 25 }).alert).toBeNull();
    expect(assess([med('Sertraline')], ['agitation'], { ...young, ageYears: null }).alert).toBeNull();
  });
});
