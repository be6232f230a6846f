import type { Medication, MedicationRequest, Observation, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../measures/instruments.js';
import { fromObservationPanel } from './observation-in.js';
import { fromPatientToEnrol, TIMEZONE_EXTENSION } from './patient-in.js';
import { fromMedicationRequest } from './medication-request-in.js';
import { toObservations } from './observation.js';
import { validateR4 } from './fhir-validate.test-kit.js';

const LOINC = 'http://loinc.org';
const patientRef = { reference: 'Patient/01900000-0000-7000-8000-000000000001' };
const phq9 = instrumentById('phq9');
const gad7 = instrumentById('gad7');

const panel = (code: string, items: { loinc: string; value: Observation['component'] }[]): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: LOINC, code }] },
  subject: patientRef,
  component: items.flatMap((i) => i.value ?? []),
});
const integers = (instrument: typeof phq9, values: number[]) =>
  instrument.items.map((item, i) => ({
    loinc: item.loinc,
    value: [{ code: { coding: [{ system: LOINC, code: item.loinc }] }, valueInteger: values[i] ?? 0 }],
  }));

describe('fromObservationPanel (instruments.md: PHQ-9 panel 44249-1, GAD-7 69737-5)', () => {
  it('reads every item of a PHQ-9 panel, LOINC answer codings and integers alike', () => {
    const o = panel('44249-1', integers(phq9, [0, 1, 2, 3, 0, 1, 2, 3, 0]));
    o.component?.splice(8, 1, {
      code: { coding: [{ system: LOINC, code: '44260-8' }] },
      valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA6570-1' }] },
    });
    validateR4(o);
    const read = fromObservationPanel(o);
    expect(read).toMatchObject({ ok: true, instrument: { id: 'phq9' } });
    if (read.ok) expect(read.answers.items).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 2]);
  });

  it('reads a GAD-7 panel', () => {
    const read = fromObservationPanel(panel('69737-5', integers(gad7, [3, 3, 3, 3, 3, 3, 3])));
    expect(read).toMatchObject({
      ok: true,
      instrument: { id: 'gad7' },
      answers: { items: [3, 3, 3, 3, 3, 3, 3] },
    });
  });

  it('accepts a stated total that is the sum of the items', () => {
    const o = { ...panel('44249-1', integers(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1])), valueInteger: 9 };
    expect(fromObservationPanel(o).ok).toBe(true);
  });

  it.each([
    [
      'a PHQ-9 total alone',
      { code: { coding: [{ system: LOINC, code: '44261-6' }] } },
      'Observation.component',
      /item 9/,
    ],
    [
      'a GAD-7 total alone',
      { code: { coding: [{ system: LOINC, code: '70274-6' }] } },
      'Observation.component',
      /GAD-7 panel/,
    ],
    ['another code', { code: { coding: [{ system: LOINC, code: '1234-5' }] } }, 'Observation.code', /panel/],
    [
      'the code in another system',
      { code: { coding: [{ system: 'urn:x', code: '44249-1' }] } },
      'Observation.code',
      /panel/,
    ],
    ['status preliminary', { status: 'preliminary' as const }, 'Observation.status', /final/],
    ['no subject', { subject: undefined }, 'Observation.subject', /Patient/],
    ['a Group subject', { subject: { reference: 'Group/1' } }, 'Observation.subject', /Patient/],
    [
      'a period for the time',
      { effectivePeriod: { start: '2026-01-01' } },
      'Observation.effective[x]',
      /effectiveDateTime/,
    ],
    [
      'a wrong stated total',
      { valueQuantity: { value: 1 } },
      'Observation.valueQuantity',
      /sum of the items \(0\)/,
    ],
  ])('refuses %s', (_what, change, path, message) => {
    const read = fromObservationPanel({ ...panel('44249-1', integers(phq9, [])), ...change });
    expect(read).toMatchObject({ ok: false, path });
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it('names a missing item (item 9 included), a doubled one, a strange code and an answer out of range', () => {
    const items = integers(phq9, []);
    expect(fromObservationPanel(panel('44249-1', items.slice(0, 8)))).toMatchObject({
      ok: false,
      path: 'Observation.component',
      message: expect.stringContaining('9 (44260-8)') as unknown,
    });
    expect(fromObservationPanel(panel('44249-1', [...items, items[0] ?? items[1]!]))).toMatchObject({
      ok: false,
      path: 'Observation.component[9].code',
    });
    const strange = panel('44249-1', integers(phq9, []));
    strange.component?.push({ code: { coding: [{ system: LOINC, code: '69725-0' }] }, valueInteger: 0 });
    expect(fromObservationPanel(strange)).toMatchObject({ ok: false, path: 'Observation.component[9].code' });
    expect(fromObservationPanel(panel('44249-1', integers(phq9, [0, 0, 4])))).toMatchObject({
      ok: false,
      path: 'Observation.component[2].value[x]',
    });
  });

  it('a read panel scores to the total Duet then serves (44261-6), which validates', () => {
    const read = fromObservationPanel(panel('44249-1', integers(phq9, [1, 2, 3, 0, 1, 2, 3, 0, 1])));
    if (!read.ok) throw new Error(read.message);
    const [total] = toObservations({
      id: '01900000-0000-7000-8000-0000000000a9',
      patientId: read.patientId,
      instrument: read.instrument,
      answers: read.answers,
      total: 13,
      item9: 1,
      source: 'in_session',
      enteredBy: null,
      answeredAt: 0,
      createdAt: 0,
    });
    expect(total?.valueQuantity?.value).toBe(13);
    if (total) validateR4(total);
  });
});

const system = 'https://duet.example/fhir/R4/Organization/c1/mrn';
const patient: Patient = {
  resourceType: 'Patient',
  identifier: [
    { system: 'urn:other', value: 'X' },
    { system, value: 'MRN-1' },
  ],
  name: [
    { use: 'usual', given: ['Al'], family: 'Nick' },
    { use: 'official', given: ['Alan', 'B'], family: 'Doe' },
  ],
  birthDate: '1980-01-02',
  telecom: [
    { system: 'phone', value: '+1 555 0100' },
    { system: 'email', value: 'alan@mail.test' },
  ],
  extension: [{ url: TIMEZONE_EXTENSION, valueCode: 'Europe/Paris' }],
  address: [{ country: 'FR' }],
  generalPractitioner: [{ reference: 'Practitioner/u1' }, { reference: 'Organization/o1' }],
};

describe('fromPatientToEnrol (US Core Patient in)', () => {
  it('reads the official name, the clinic MRN, email, phone, zone, country and the clinicians, with their paths', () => {
    validateR4(patient);
    const { value, paths } = fromPatientToEnrol(patient, system);
    expect(value).toEqual({
      givenName: 'Alan',
      familyName: 'Doe',
      birthDate: '1980-01-02',
      email: 'alan@mail.test',
      phone: '+1 555 0100',
      medicalRecordNumber: 'MRN-1',
      timeZone: 'Europe/Paris',
      country: 'FR',
      clinicians: ['u1', null],
    });
    expect([
      paths.familyName,
      paths.email,
      paths.medicalRecordNumber,
      paths.timeZone,
      paths.clinician(1),
    ]).toEqual([
      'Patient.name[1].family',
      'Patient.telecom[1]',
      'Patient.identifier[1]',
      'Patient.extension[0].valueCode',
      'Patient.generalPractitioner[1]',
    ]);
  });

  it('leaves absent what is absent (never guessed), pointing at where it belongs', () => {
    const { value, paths } = fromPatientToEnrol({ resourceType: 'Patient' }, system);
    expect(value).toMatchObject({
      email: undefined,
      timeZone: undefined,
      medicalRecordNumber: null,
      clinicians: [],
    });
    expect(paths.timeZone).toBe('Patient.extension');
  });
});

const sertraline: Medication = {
  resourceType: 'Medication',
  id: 'm',
  code: {
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '36437', display: 'Sertraline' }],
  },
  form: { text: 'tablet' },
};
const request: MedicationRequest = {
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  contained: [sertraline],
  medicationReference: { reference: '#m' },
  subject: patientRef,
  requester: { reference: 'Practitioner/p1' },
  authoredOn: '2026-10-01',
  note: [{ text: 'Review in 4 weeks' }],
  dosageInstruction: [
    {
      text: 'With breakfast',
      route: { coding: [{ display: 'oral' }] },
      timing: { repeat: { timeOfDay: ['08:00:00', '20:00:00'], dayOfWeek: ['mon', 'fri'] } },
      doseAndRate: [{ doseQuantity: { value: 50, unit: 'mg' } }],
    },
  ],
};
const dosage = (d: NonNullable<MedicationRequest['dosageInstruction']>[number]) => ({
  ...request,
  dosageInstruction: [{ ...request.dosageInstruction?.[0], ...d }],
});

describe('fromMedicationRequest (a current prescription in)', () => {
  it('reads the medicine, form, dose, route, times, days, start and instructions', () => {
    validateR4(request);
    expect(fromMedicationRequest(request)).toEqual({
      ok: true,
      value: {
        patientId: '01900000-0000-7000-8000-000000000001',
        requesterId: 'p1',
        name: 'Sertraline',
        rxnormCode: '36437',
        form: 'tablet',
        route: 'oral',
        instructions: 'With breakfast\nReview in 4 weeks',
        startDate: '2026-10-01',
        endDate: null,
        doseAmount: 50,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: [1, 5] },
      },
    });
  });

  it.each([
    [
      { timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h' as const, timeOfDay: ['07:00:00'] } } },
      { kind: 'every_n_hours', everyHours: 12, firstTime: '07:00' },
    ],
    [
      { asNeededBoolean: true, timing: { repeat: { frequencyMax: 3, period: 1, periodUnit: 'd' as const } } },
      { kind: 'as_needed', maxPerDay: 3 },
    ],
  ])('reads the schedule %j', (d, schedule) => {
    expect(fromMedicationRequest(dosage(d))).toMatchObject({ ok: true, value: { schedule } });
  });

  it.each([
    ['stopped', { status: 'stopped' as const }, 'MedicationRequest.status'],
    ['a plan', { intent: 'plan' as const }, 'MedicationRequest.intent'],
    [
      'no contained medicine',
      { medicationReference: { reference: 'Medication/x' } },
      'MedicationRequest.medication[x]',
    ],
    [
      'no dose',
      { dosageInstruction: [{ route: { text: 'oral' } }] },
      'MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity',
    ],
    ['two dosages', { dosageInstruction: [{}, {}] }, 'MedicationRequest.dosageInstruction[1]'],
    [
      'a requester that is not a Practitioner',
      { requester: { reference: 'Organization/o' } },
      'MedicationRequest.requester',
    ],
  ])('refuses %s', (_what, change, path) => {
    expect(fromMedicationRequest({ ...request, ...change })).toMatchObject({ ok: false, path });
  });

  it('refuses times it cannot remind at (twice a day without the times), naming the timing', () => {
    const read = fromMedicationRequest(
      dosage({ timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } }),
    );
    expect(read).toMatchObject({ ok: false, path: 'MedicationRequest.dosageInstruction[0].timing.repeat' });
  });
});
