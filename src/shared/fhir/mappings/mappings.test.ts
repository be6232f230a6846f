import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../measures/instruments.js';
import { validateR4, missingElements } from './fhir-validate.test-kit.js';
import { fromPatient, toPatient, type PatientInput } from './patient.js';
import { toPractitioner } from './practitioner.js';
import { toOrganization } from './organization.js';
import { toCareTeam } from './care-team.js';
import { toQuestionnaire } from './questionnaire.js';
import {
  fromQuestionnaireResponse,
  toQuestionnaireResponse,
  type ScoredAnswerInput,
} from './questionnaire-response.js';
import { observationId, parseObservationId, toObservations } from './observation.js';
import { toMedicationRequest } from './medication-request.js';
import { toAppointment } from './appointment.js';

const ctx = { base: 'https://duet.example/fhir/R4' };
const at = Date.UTC(2026, 10, 2, 15, 0, 0);
const patientRow: PatientInput = {
  id: '01900000-0000-7000-8000-000000000001',
  clinicId: '01900000-0000-7000-8000-0000000000c1',
  givenName: 'Ana',
  familyName: 'Lima',
  birthDate: '1990-05-17',
  email: 'ana@mail.test',
  phone: '+1 555 0101',
  medicalRecordNumber: 'MRN-7',
  version: 3,
  updatedAt: at,
};
const phq9 = instrumentById('phq9');
const gad7 = instrumentById('gad7');
const answer: ScoredAnswerInput = {
  id: '01900000-0000-7000-8000-0000000000a1',
  patientId: patientRow.id,
  instrument: phq9,
  answers: { items: [1, 2, 0, 1, 1, 0, 2, 1, 1], functional: 1 },
  total: 9,
  item9: 1,
  source: 'patient',
  enteredBy: 'u1',
  answeredAt: at,
  createdAt: at,
};

/**
 * Elements US Core 6.1.0 requires (min 1) or marks must-support that Duet always fills, per profile:
 * StructureDefinition-us-core-patient, -us-core-observation-screening-assessment, -us-core-medicationrequest
 * (hl7.org/fhir/us/core/STU6.1/). Paths use index 0 of arrays.
 */
const usCoreRequired = {
  Patient: ['identifier', 'identifier.system', 'identifier.value', 'name', 'name.family', 'gender'],
  Observation: [
    'status',
    'category',
    'category.coding.code',
    'code',
    'code.coding.code',
    'subject',
    'effectiveDateTime',
  ],
  MedicationRequest: ['status', 'intent', 'medicationCodeableConcept', 'subject', 'authoredOn', 'requester'],
} as const;

describe('FHIR mappings: every emitted resource is valid R4', () => {
  it('Patient: valid, US Core elements, and read back to the same demographics', () => {
    const p = toPatient(patientRow, ctx);
    validateR4(p);
    expect(missingElements(p, usCoreRequired.Patient)).toEqual([]);
    expect(p.identifier?.[1]).toMatchObject({
      system: `${ctx.base}/Organization/${patientRow.clinicId}/mrn`,
      value: 'MRN-7',
    });
    const back = fromPatient(p, ctx, patientRow.clinicId);
    const { id: _id, version: _v, updatedAt: _u, clinicId: _c, ...demographics } = patientRow;
    expect(back).toEqual({ ok: true, value: demographics });
    const noPhone = toPatient({ ...patientRow, phone: null, medicalRecordNumber: null }, ctx);
    validateR4(noPhone);
    expect(noPhone.telecom).toHaveLength(1);
    expect(fromPatient({ ...p, birthDate: undefined }, ctx, patientRow.clinicId)).toEqual({
      ok: false,
      path: 'Patient.birthDate',
    });
  });

  it('Practitioner, Organization and CareTeam', () => {
    validateR4(toPractitioner({ id: 'u1', name: 'Dana Reyes', active: true, version: 1, updatedAt: at }));
    validateR4(toOrganization({ id: 'c1', name: 'Riverside Clinic', createdAt: at }));
    const team = toCareTeam({
      patientId: patientRow.id,
      clinicId: patientRow.clinicId,
      version: 2,
      updatedAt: at,
      members: [
        { userId: 'u1', name: 'Dana Reyes', role: 'therapist' },
        { userId: 'u2', name: 'Sam Ortiz', role: 'prescriber' },
      ],
    });
    validateR4(team);
    expect(team.participant?.map((p) => [p.role?.[0]?.text, p.member?.reference])).toEqual([
      ['Therapist', 'Practitioner/u1'],
      ['Prescriber', 'Practitioner/u2'],
    ]);
  });

  it.each([phq9, gad7])('Questionnaire $name carries the panel and item LOINC codes', (instrument) => {
    const q = toQuestionnaire(instrument, ctx);
    validateR4(q);
    expect(q.code?.[0]?.code).toBe(instrument.panelLoinc);
    const choice = q.item?.filter((i) => i.type === 'choice') ?? [];
    expect(choice.slice(0, instrument.items.length).map((i) => i.code?.[0]?.code)).toEqual(
      instrument.items.map((i) => i.loinc),
    );
  });

  it('PHQ-9 Questionnaire: LOINC 44249-1, item 9 is 44260-8 (instruments.md)', () => {
    const q = toQuestionnaire(phq9, ctx);
    expect(q.code?.[0]?.code).toBe('44249-1');
    expect(q.item?.find((i) => i.linkId === 'phq9-9')?.code?.[0]?.code).toBe('44260-8');
    expect(toQuestionnaire(gad7, ctx).code?.[0]?.code).toBe('69737-5');
  });

  it('QuestionnaireResponse: valid, and read back to the same answers', () => {
    const qr = toQuestionnaireResponse(answer, ctx);
    validateR4(qr);
    expect(qr.status).toBe('completed');
    expect(fromQuestionnaireResponse(qr, phq9)).toEqual({
      ok: true,
      patientId: patientRow.id,
      authored: new Date(at).toISOString(),
      answers: answer.answers,
    });
    const gad = {
      ...answer,
      instrument: gad7,
      answers: { items: [0, 1, 2, 3, 0, 1, 2], functional: null },
      total: 9,
      item9: null,
    };
    const g = toQuestionnaireResponse(gad, ctx);
    validateR4(g);
    expect(fromQuestionnaireResponse(g, gad7)).toMatchObject({ ok: true, answers: gad.answers });
  });

  it('QuestionnaireResponse read names the bad item', () => {
    const qr = toQuestionnaireResponse(answer, ctx);
    const bad = structuredClone(qr);
    const item = bad.item?.[2];
    if (item) item.answer = [{ valueInteger: 7 }];
    expect(fromQuestionnaireResponse(bad, phq9)).toMatchObject({
      ok: false,
      path: 'QuestionnaireResponse.item[2].answer[0]',
    });
    const strange = { ...qr, item: [...(qr.item ?? []), { linkId: 'gad7-1' }] };
    expect(fromQuestionnaireResponse(strange, phq9)).toMatchObject({
      ok: false,
      path: 'QuestionnaireResponse.item[10].linkId',
    });
  });

  it('Observations: PHQ-9 total 44261-6 and item 9 44260-8; GAD-7 total 70274-6; US Core elements', () => {
    const [total, item9] = toObservations(answer);
    if (!total || !item9) throw new Error('two observations expected');
    for (const o of [total, item9]) {
      validateR4(o);
      expect(missingElements(o, usCoreRequired.Observation)).toEqual([]);
    }
    expect(total.code.coding?.[0]?.code).toBe('44261-6');
    expect(total.valueQuantity?.value).toBe(9);
    expect(item9.code.coding?.[0]?.code).toBe('44260-8');
    expect(item9.valueCodeableConcept?.coding?.[0]?.code).toBe('LA6569-3');
    const [g] = toObservations({ ...answer, instrument: gad7, item9: null });
    expect(g?.code.coding?.[0]?.code).toBe('70274-6');
    expect(toObservations({ ...answer, total: null, item9: null })).toEqual([]);
    expect(parseObservationId(observationId(answer.id, 'item9'))).toEqual({
      responseId: answer.id,
      part: 'item9',
    });
    expect(parseObservationId('nope-total')).toBeNull();
  });

  it('MedicationRequest: one dosage per period (titration steps in order), US Core elements', () => {
    const m = toMedicationRequest({
      id: 'm1',
      patientId: patientRow.id,
      name: 'sertraline',
      rxnormCode: '36437',
      route: 'oral',
      instructions: 'With food',
      startDate: '2026-10-01',
      endDate: null,
      status: 'active',
      prescribedBy: 'u2',
      version: 2,
      updatedAt: at,
      periods: [
        {
          from: '2026-10-01',
          doseAmount: 25,
          doseUnit: 'mg',
          schedule: { kind: 'times', times: ['08:00'], weekdays: null },
          paused: false,
        },
        {
          from: '2026-10-08',
          doseAmount: 50,
          doseUnit: 'mg',
          schedule: { kind: 'times', times: ['08:00'], weekdays: [1, 3] },
          paused: false,
        },
        {
          from: '2026-11-01',
          doseAmount: 50,
          doseUnit: 'mg',
          schedule: { kind: 'as_needed', maxPerDay: 2 },
          paused: true,
        },
      ],
    });
    validateR4(m);
    expect(missingElements(m, usCoreRequired.MedicationRequest)).toEqual([]);
    expect(
      m.dosageInstruction?.map((d) => [
        d.sequence,
        d.timing?.repeat?.boundsPeriod,
        d.doseAndRate?.[0]?.doseQuantity?.value,
      ]),
    ).toEqual([
      [1, { start: '2026-10-01', end: '2026-10-08' }, 25],
      [2, { start: '2026-10-08', end: '2026-11-01' }, 50],
      [3, { start: '2026-11-01' }, undefined],
    ]);
    expect(
      toMedicationRequest({
        id: 'm2',
        patientId: 'p',
        name: 'x',
        rxnormCode: null,
        route: 'oral',
        instructions: '',
        startDate: '2026-01-01',
        endDate: '2026-02-01',
        status: 'stopped',
        prescribedBy: 'u',
        version: 1,
        updatedAt: at,
        periods: [],
      }).status,
    ).toBe('stopped');
  });

  it.each([
    ['scheduled', 'booked'],
    ['attended', 'fulfilled'],
    ['no_show', 'noshow'],
    ['cancelled', 'cancelled'],
  ])('Appointment %s → %s', (status, fhir) => {
    const a = toAppointment({
      id: 'a1',
      patientId: patientRow.id,
      clinicianId: 'u1',
      type: 'therapy_session',
      status,
      mode: 'video',
      startsAt: at,
      endsAt: at + 50 * 60_000,
      durationMinutes: 50,
      cancelReason: status === 'cancelled' ? 'Ill' : null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    validateR4(a);
    expect(a.status).toBe(fhir);
  });
});
