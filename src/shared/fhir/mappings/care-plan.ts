import type { CarePlan, CarePlanActivity } from '@medplum/fhirtypes';
import type { PlanContent } from '../../treatment-plans/schemas.js';
import { instant, ref } from './common.js';
import { planItemId } from './plan-items.js';

/** US Core 6.1 CarePlan (StructureDefinition-us-core-careplan): category assess-plan, text, status, intent. */
export const US_CORE_CARE_PLAN = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan';
export const CARE_PLAN_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category';

/** One agreed version of a patient's treatment plan (drafts are not an agreed plan and are never sent). */
export interface PlanVersionInput {
  id: string;
  planId: string;
  patientId: string;
  number: number;
  /** 'agreed' (the plan in force) | 'superseded' (replaced by a later agreed version). */
  status: string;
  content: PlanContent;
  agreedAt: number;
  /** When the version that replaced it was agreed (superseded versions). */
  endedAt: number | null;
  /** The agreed version this one replaced, if any. */
  replacesId: string | null;
  version: number;
  updatedAt: number;
}

const frequencyWords: Record<string, string> = {
  twice_weekly: 'twice a week',
  weekly: 'weekly',
  every_2_weeks: 'every 2 weeks',
  monthly: 'monthly',
};

/** The therapy part in words: modality, frequency, planned sessions, focus. */
export function therapyWords(t: PlanContent['therapy']): string {
  const modality = t.modality === 'other' ? (t.modalityOther ?? 'Other therapy') : t.modality;
  const parts = [
    modality === null ? 'Psychotherapy' : `${modality} psychotherapy`,
    t.frequency === null ? null : (frequencyWords[t.frequency] ?? t.frequency),
    t.plannedSessions === null ? null : `${String(t.plannedSessions)} sessions planned`,
  ].filter((p) => p !== null);
  return [parts.join(', '), t.focus].filter((p) => p !== '').join('. Focus: ');
}

function activitiesOf(p: PlanVersionInput): CarePlanActivity[] {
  const status = p.status === 'agreed' ? 'in-progress' : 'stopped';
  const therapy: CarePlanActivity = {
    detail: { kind: 'Appointment', status, description: therapyWords(p.content.therapy) },
  };
  const strategy = p.content.medication.strategy;
  const medication: CarePlanActivity[] =
    strategy === '' ? [] : [{ detail: { kind: 'MedicationRequest', status, description: strategy } }];
  const prescriptions = p.content.medication.medicationIds.map((id): CarePlanActivity => ({
    reference: ref('MedicationRequest', id),
  }));
  return [therapy, ...medication, ...prescriptions];
}

/**
 * An agreed plan version as a CarePlan: `active` while in force, `revoked` once a later version replaced it
 * (`replaces` links the two); the period from agreement to replacement; the therapy and medication parts as
 * activities (each prescription the plan names by reference); goals and problems as Goal and Condition.
 */
export function toCarePlan(p: PlanVersionInput): CarePlan {
  const goals = p.content.goals
    .map((g) => planItemId(p.id, g.id))
    .filter((id) => id !== null)
    .map((id) => ref('Goal', id));
  const problems = p.content.problems
    .map((c) => planItemId(p.id, c.id))
    .filter((id) => id !== null)
    .map((id) => ref('Condition', id));
  const summary = `Treatment plan, version ${String(p.number)}`;
  return {
    resourceType: 'CarePlan',
    id: p.id,
    meta: { versionId: String(p.version), lastUpdated: instant(p.updatedAt), profile: [US_CORE_CARE_PLAN] },
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${summary}</div>` },
    status: p.status === 'agreed' ? 'active' : 'revoked',
    intent: 'plan',
    category: [{ coding: [{ system: CARE_PLAN_CATEGORY, code: 'assess-plan' }] }],
    title: summary,
    subject: ref('Patient', p.patientId),
    period: { start: instant(p.agreedAt), ...(p.endedAt === null ? {} : { end: instant(p.endedAt) }) },
    ...(p.replacesId === null ? {} : { replaces: [ref('CarePlan', p.replacesId)] }),
    ...(problems.length > 0 ? { addresses: problems } : {}),
    ...(goals.length > 0 ? { goal: goals } : {}),
    activity: activitiesOf(p),
  };
}
