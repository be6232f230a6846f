import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';
import { describeSchedule, type DosePeriod } from '../../medications/schedule.js';
import { RXNORM, instant, ref } from './common.js';

/** US Core 6.1 MedicationRequest (StructureDefinition-us-core-medicationrequest). */
export const US_CORE_MEDICATION_REQUEST =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest';

export interface PrescriptionInput {
  id: string;
  patientId: string;
  name: string;
  rxnormCode: string | null;
  route: string;
  instructions: string;
  startDate: string;
  endDate: string | null;
  /** 'active' | 'paused' | 'stopped' */
  status: string;
  prescribedBy: string;
  version: number;
  updatedAt: number;
  /** The regimen: dated periods (start, each dose change, each titration step, pauses), oldest first. */
  periods: readonly DosePeriod[];
}

const statusOf = (s: string): MedicationRequest['status'] =>
  s === 'active' ? 'active' : s === 'paused' ? 'on-hold' : 'stopped';

function dosageOf(p: DosePeriod, i: number, next: DosePeriod | undefined, endDate: string | null): Dosage {
  const end = next?.from ?? endDate ?? undefined;
  const s = p.schedule;
  const timing =
    s.kind === 'times'
      ? {
          timeOfDay: s.times.map((t) => `${t}:00`),
          ...(s.weekdays ? { dayOfWeek: s.weekdays.map(dayOf) } : {}),
        }
      : s.kind === 'every_n_hours'
        ? { frequency: 1, period: s.everyHours, periodUnit: 'h' as const }
        : { frequencyMax: s.maxPerDay, period: 1, periodUnit: 'd' as const };
  return {
    sequence: i + 1,
    text: p.paused
      ? `Paused from ${p.from}`
      : `${String(p.doseAmount)} ${p.doseUnit} ${describeSchedule(s)}, from ${p.from}`,
    timing: { repeat: { boundsPeriod: { start: p.from, ...(end ? { end } : {}) }, ...timing } },
    asNeededBoolean: s.kind === 'as_needed',
    ...(p.paused ? {} : { doseAndRate: [{ doseQuantity: { value: p.doseAmount, unit: p.doseUnit } }] }),
  };
}

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const dayOf = (d: number) => dayNames[d - 1] ?? 'mon';

/**
 * A prescription as a MedicationRequest: one dosage instruction per period of the regimen, in order
 * (`sequence`), each bounded by its dates, so a titration or a dose change reads as consecutive steps.
 */
export function toMedicationRequest(m: PrescriptionInput): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: m.id,
    meta: {
      versionId: String(m.version),
      lastUpdated: instant(m.updatedAt),
      profile: [US_CORE_MEDICATION_REQUEST],
    },
    status: statusOf(m.status),
    intent: 'order',
    reportedBoolean: false,
    medicationCodeableConcept: {
      ...(m.rxnormCode ? { coding: [{ system: RXNORM, code: m.rxnormCode, display: m.name }] } : {}),
      text: m.name,
    },
    subject: ref('Patient', m.patientId),
    authoredOn: m.startDate,
    requester: ref('Practitioner', m.prescribedBy),
    ...(m.instructions ? { note: [{ text: m.instructions }] } : {}),
    dosageInstruction: m.periods.map((p, i) => dosageOf(p, i, m.periods[i + 1], m.endDate)),
  };
}
