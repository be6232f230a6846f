import { describe, expect, it } from 'vitest';
import { planContentSchema } from '../../treatment-plans/schemas.js';
import { validateR4, missingElements } from './fhir-validate.test-kit.js';
import { parsePlanItemId, planItemId } from './plan-items.js';
import { toCarePlan, type PlanVersionInput } from './care-plan.js';
import { toGoal } from './goal.js';
import { ICD10_CM, toCondition } from './condition.js';
import { toPractitionerRole } from './practitioner-role.js';
import { toMedicationStatement, type DoseLogInput } from './medication-statement.js';
import { toAllergyIntolerance, type AllergyInput } from './allergy-intolerance.js';
import { toEncounter } from './encounter.js';
import { toCommunication } from './communication.js';
import { toAuditEvent } from './audit-event.js';

const ctx = { base: 'https://duet.example/fhir/R4' };
const at = Date.UTC(2026, 10, 2, 15, 0, 0);
const patientId = '01900000-0000-7000-8000-000000000001';
const versionId = '0192f3a4-5b6c-7d8e-9f01-23456789abcd';

const content = planContentSchema.parse({
  problems: [
    { id: 'p1', description: 'Moderate depressive episode', icd10: 'F32.1' },
    { id: 'p_2', description: 'Poor sleep' },
  ],
  goals: [
    {
      id: 'g1',
      inPatientsWords: 'Back at work three days a week',
      measurableTarget: 'PHQ-9 below 5',
      targetDate: '2027-03-01',
    },
    { id: 'g_2', inPatientsWords: 'Sleep through the night', status: 'met' },
  ],
  therapy: { modality: 'CBT', frequency: 'weekly', plannedSessions: 12, focus: 'Behavioural activation' },
  medication: {
    strategy: 'Sertraline, titrate to 100 mg',
    medicationIds: ['01900000-0000-7000-8000-0000000000m1'],
  },
});
const plan: PlanVersionInput = {
  id: versionId,
  planId: '01900000-0000-7000-8000-0000000000f1',
  patientId,
  number: 2,
  status: 'agreed',
  content,
  agreedAt: at,
  endedAt: null,
  replacesId: '01900000-0000-7000-8000-0000000000e1',
  version: 4,
  updatedAt: at,
};

/**
 * Elements US Core 6.1.0 requires (min 1) that Duet fills, per profile (hl7.org/fhir/us/core/STU6.1/
 * StructureDefinition-us-core-careplan, -goal, -condition-problems-health-concerns, -allergyintolerance,
 * -encounter). Paths use index 0 of arrays.
 */
const usCoreRequired = {
  CarePlan: ['text.status', 'status', 'intent', 'category.coding.code', 'subject'],
  Goal: ['lifecycleStatus', 'description.text', 'subject'],
  Condition: ['category.coding.code', 'code.text', 'subject'],
  AllergyIntolerance: [
    'clinicalStatus.coding.code',
    'verificationStatus.coding.code',
    'code.text',
    'patient',
  ],
  Encounter: ['status', 'class.code', 'type.text', 'subject'],
} as const;

describe('plan item ids', () => {
  it.each([
    [versionId, 'g1'],
    [versionId, 'a_b-c'],
    ['00000000-0000-0000-0000-000000000000', 'x'],
    ['ffffffff-ffff-ffff-ffff-ffffffffffff', 'z'.repeat(40)],
  ])('%s / %s fits a FHIR id and reads back', (version, item) => {
    const id = planItemId(version, item);
    expect(id).not.toBeNull();
    expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(parsePlanItemId(id ?? '')).toEqual({ versionId: version, itemId: item });
  });
  it.each(['', 'short', `${'A'.repeat(22)}x1`, `${'/'.repeat(22)}-g1`, `${'A'.repeat(22)}-`])(
    '%s is not a plan item id',
    (id) => {
      expect(parsePlanItemId(id)).toBeNull();
    },
  );
  it('refuses what cannot be an id', () => {
    expect(planItemId('not-a-uuid', 'g1')).toBeNull();
    expect(planItemId(versionId, 'has space')).toBeNull();
  });
});

describe('FHIR mappings of the care records: every emitted resource is valid R4', () => {
  it('CarePlan: active, goals and problems referenced, activities from both parts', () => {
    const c = toCarePlan(plan);
    validateR4(c);
    expect(missingElements(c, usCoreRequired.CarePlan)).toEqual([]);
    expect(c.status).toBe('active');
    expect(c.goal?.map((g) => g.reference)).toEqual([
      `Goal/${planItemId(versionId, 'g1') ?? ''}`,
      `Goal/${planItemId(versionId, 'g_2') ?? ''}`,
    ]);
    expect(c.addresses).toHaveLength(2);
    expect(c.replaces).toEqual([{ reference: 'CarePlan/01900000-0000-7000-8000-0000000000e1' }]);
    expect(c.activity?.[0]?.detail?.description).toBe(
      'CBT psychotherapy, weekly, 12 sessions planned. Focus: Behavioural activation',
    );
    expect(c.activity?.[1]?.detail?.description).toBe('Sertraline, titrate to 100 mg');
    expect(c.activity?.[2]?.reference?.reference).toBe(
      'MedicationRequest/01900000-0000-7000-8000-0000000000m1',
    );
    const old = toCarePlan({ ...plan, status: 'superseded', endedAt: at + 1000, replacesId: null });
    validateR4(old);
    expect(old.status).toBe('revoked');
    expect(old.period?.end).toBe(new Date(at + 1000).toISOString());
    expect(old.activity?.[0]?.detail?.status).toBe('stopped');
    const blank = toCarePlan({ ...plan, content: planContentSchema.parse({}), replacesId: null });
    validateR4(blank);
    expect(blank.goal).toBeUndefined();
    expect(blank.activity?.[0]?.detail?.description).toBe('Psychotherapy');
  });

  it('Goal: the patient words, the target, met as completed/achieved', () => {
    const [g1, g2] = content.goals.map((goal) =>
      toGoal({ versionId, patientId, goal, agreedAt: at, version: 4, updatedAt: at }),
    );
    for (const g of [g1, g2]) {
      if (!g) throw new Error('goal not mapped');
      validateR4(g);
      expect(missingElements(g, usCoreRequired.Goal)).toEqual([]);
    }
    expect(g1).toMatchObject({
      lifecycleStatus: 'active',
      description: { text: 'Back at work three days a week' },
      target: [{ measure: { text: 'PHQ-9 below 5' }, dueDate: '2027-03-01' }],
    });
    expect(g2).toMatchObject({
      lifecycleStatus: 'completed',
      achievementStatus: { coding: [{ code: 'achieved' }] },
    });
    expect(g2?.target).toBeUndefined();
  });

  it('Condition: ICD-10-CM when coded, the description as text always', () => {
    const [coded, uncoded] = content.problems.map((problem) =>
      toCondition({
        versionId,
        patientId,
        problem,
        planStatus: 'agreed',
        agreedAt: at,
        version: 4,
        updatedAt: at,
      }),
    );
    for (const c of [coded, uncoded]) {
      if (!c) throw new Error('problem not mapped');
      validateR4(c);
      expect(missingElements(c, usCoreRequired.Condition)).toEqual([]);
    }
    expect(coded?.code).toEqual({
      coding: [{ system: ICD10_CM, code: 'F32.1' }],
      text: 'Moderate depressive episode',
    });
    expect(uncoded?.code).toEqual({ text: 'Poor sleep' });
    expect(uncoded?.clinicalStatus?.coding?.[0]?.code).toBe('active');
    const [old] = content.problems.map((problem) =>
      toCondition({
        versionId,
        patientId,
        problem,
        planStatus: 'superseded',
        agreedAt: at,
        version: 4,
        updatedAt: at,
      }),
    );
    expect(old?.clinicalStatus?.coding?.[0]?.code).toBe('inactive');
  });

  it('PractitionerRole: the clinic role as text', () => {
    const r = toPractitionerRole({
      id: 'u1',
      clinicId: 'c1',
      name: 'Pete Prescriber',
      role: 'prescriber',
      active: true,
      version: 1,
      updatedAt: at,
    });
    validateR4(r);
    expect(r).toMatchObject({
      practitioner: { reference: 'Practitioner/u1' },
      organization: { reference: 'Organization/c1' },
      code: [{ text: 'Prescriber' }],
    });
  });

  const dose: DoseLogInput = {
    id: 'd1',
    patientId,
    medicationId: 'm1',
    medicationName: 'Sertraline 50 mg tablet',
    rxnormCode: '312940',
    status: 'taken',
    skipReason: null,
    takenAt: at,
    scheduledFor: at - 600_000,
    localDate: '2026-11-02',
    doseAmount: 50,
    doseUnit: 'mg',
    asNeeded: false,
    loggedBy: 'pu1',
    loggedByRole: 'patient',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  it.each([
    ['taken', dose, 'completed', new Date(at).toISOString()],
    [
      'skipped',
      { ...dose, status: 'skipped', skipReason: 'Felt sick', takenAt: null },
      'not-taken',
      new Date(at - 600_000).toISOString(),
    ],
    [
      'an as-needed skip without an instant',
      { ...dose, status: 'skipped', takenAt: null, scheduledFor: null, asNeeded: true },
      'not-taken',
      '2026-11-02',
    ],
  ])('MedicationStatement: %s', (_name, input, status, effective) => {
    const s = toMedicationStatement(input);
    validateR4(s);
    expect(s.status).toBe(status);
    expect(s.effectiveDateTime).toBe(effective);
    expect(s.basedOn).toEqual([{ reference: 'MedicationRequest/m1' }]);
    expect(s.informationSource).toEqual({ reference: `Patient/${patientId}` });
    expect(s.medicationCodeableConcept?.coding?.[0]?.code).toBe('312940');
    if (input.skipReason) expect(s.statusReason).toEqual([{ text: 'Felt sick' }]);
  });

  const allergy: AllergyInput = {
    id: 'a1',
    patientId,
    substance: 'Penicillin',
    reaction: 'Hives',
    severity: 'moderate',
    status: 'confirmed',
    enteredBy: 'u1',
    enteredByRole: 'prescriber',
    enteredAt: at,
    version: 2,
    updatedAt: at,
  };
  it.each([
    ['confirmed', 'active', 'confirmed'],
    ['pending', 'active', 'unconfirmed'],
    ['rejected', 'active', 'refuted'],
    ['removed', 'inactive', 'confirmed'],
  ])('AllergyIntolerance: %s is %s / %s', (status, clinical, verification) => {
    const a = toAllergyIntolerance({ ...allergy, status });
    validateR4(a);
    expect(missingElements(a, usCoreRequired.AllergyIntolerance)).toEqual([]);
    expect(a.clinicalStatus?.coding?.[0]?.code).toBe(clinical);
    expect(a.verificationStatus?.coding?.[0]?.code).toBe(verification);
    expect(a.reaction).toEqual([{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }]);
  });
  it('AllergyIntolerance without a reaction has none', () => {
    const a = toAllergyIntolerance({ ...allergy, reaction: null, severity: null, enteredByRole: 'patient' });
    validateR4(a);
    expect(a.reaction).toBeUndefined();
    expect(a.recorder).toEqual({ reference: `Patient/${patientId}` });
  });

  it.each([
    ['in_person', 'AMB'],
    ['video', 'VR'],
    ['phone', 'VR'],
  ])('Encounter: %s is class %s', (mode, code) => {
    const e = toEncounter({
      id: 'ap1',
      patientId,
      clinicianId: 'u1',
      type: 'therapy_session',
      mode,
      startsAt: at,
      endsAt: at + 3_000_000,
      clinicId: 'c1',
      updatedAt: at,
      version: 3,
    });
    validateR4(e);
    expect(missingElements(e, usCoreRequired.Encounter)).toEqual([]);
    expect(e).toMatchObject({
      status: 'finished',
      class: { code },
      appointment: [{ reference: 'Appointment/ap1' }],
      period: { start: new Date(at).toISOString(), end: new Date(at + 3_000_000).toISOString() },
    });
  });

  it('Communication: from the patient or to the patient', () => {
    const base = {
      id: 'msg1',
      patientId,
      conversationId: 'cv1',
      subject: 'Side effects',
      authorId: 'pu1',
      authorRole: 'patient',
      body: 'I feel dizzy in the mornings.',
      createdAt: at,
    };
    const fromPatient = toCommunication(base);
    validateR4(fromPatient);
    expect(fromPatient).toMatchObject({
      status: 'completed',
      sender: { reference: `Patient/${patientId}` },
      payload: [{ contentString: 'I feel dizzy in the mornings.' }],
      topic: { text: 'Side effects' },
    });
    expect(fromPatient.recipient).toBeUndefined();
    const reply = toCommunication({ ...base, authorId: 'u1', authorRole: 'prescriber' });
    validateR4(reply);
    expect(reply.sender).toEqual({ reference: 'Practitioner/u1' });
    expect(reply.recipient).toEqual([{ reference: `Patient/${patientId}` }]);
  });

  it.each([
    ['fhir.read', 'allowed', 'api_client', 'R', '0'],
    ['patient.read', 'allowed', 'therapist', 'R', '0'],
    ['care_team.update', 'allowed', 'care_manager', 'E', '0'],
    ['patient.read', 'denied', 'therapist', 'R', '4'],
  ])('AuditEvent: %s %s by %s is action %s outcome %s', (action, outcome, role, code, result) => {
    const e = toAuditEvent(
      {
        id: 'ev1',
        clinicId: 'c1',
        patientId,
        at,
        actorId: 'x1',
        actorRole: role,
        actorName: 'EHR integration',
        action,
        outcome,
      },
      ctx,
    );
    validateR4(e);
    expect(e.action).toBe(code);
    expect(e.outcome).toBe(result);
    expect(e.entity).toEqual([{ what: { reference: `Patient/${patientId}` } }]);
    expect(e.agent[0]?.who).toEqual(
      role === 'api_client'
        ? { display: 'EHR integration' }
        : { reference: 'Practitioner/x1', display: 'EHR integration' },
    );
    if (outcome === 'denied') expect(e.outcomeDesc).toBe('tried to see or change the record and was refused');
  });
});
