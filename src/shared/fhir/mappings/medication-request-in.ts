import type { CodeableConcept, Dosage, Medication, MedicationRequest } from '@medplum/fhirtypes';
import type { DoseSchedule, Weekday } from '../../medications/schedule.js';
import { RXNORM, idOfReference } from './common.js';

/**
 * A current prescription sent to be imported (issue 16, transaction Bundles), read into what the medications
 * feature's start takes, with the FHIRPath of each element so a refusal names it. Duet keeps a regimen as its
 * own dated changes, so an import is the dose in effect now:
 *
 * - `status` `active`, `intent` `order`; `subject` the Patient; `requester` the prescriber on the patient's
 *   care team (the medication is recorded as theirs).
 * - The medicine with its dose form (Duet's dose limits depend on it): a contained `Medication` referenced as
 *   `medicationReference` `#id`, with `code` (RxNorm coding and/or text) and `form`.
 * - One `dosageInstruction`: `doseAndRate[0].doseQuantity` (value and unit), `route`, `timing.repeat` with
 *   `timeOfDay` (with `dayOfWeek` for some days only), or `frequency` 1 per `period` hours with the first
 *   `timeOfDay`, or `asNeededBoolean` with `frequencyMax` per 1 day; `boundsPeriod.start` (else `authoredOn`)
 *   the start day, `boundsPeriod.end` the last. `text` / `patientInstruction` and `note` are the instructions.
 */
export interface PrescriptionToImport {
  patientId: string;
  requesterId: string | null;
  name: string;
  rxnormCode: string | null;
  form: string;
  route: string;
  instructions: string;
  startDate: string;
  endDate: string | null;
  doseAmount: number;
  doseUnit: string;
  schedule: DoseSchedule;
}

export type PrescriptionRead =
  | { ok: true; value: PrescriptionToImport }
  | { ok: false; path: string; message: string; code: 'invalid' | 'required' | 'not-supported' };

export const DOSE_PATH = 'MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity';
export const TIMING_PATH = 'MedicationRequest.dosageInstruction[0].timing.repeat';

const fail = (
  path: string,
  message: string,
  code: 'invalid' | 'required' | 'not-supported' = 'invalid',
): PrescriptionRead => ({ ok: false, path, message, code });

const textOf = (c: CodeableConcept | undefined) =>
  (c?.text ?? c?.coding?.find((x) => x.display)?.display ?? '').trim();

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function scheduleOf(d: Dosage): DoseSchedule | string {
  const r = d.timing?.repeat;
  const times = (r?.timeOfDay ?? []).map((t) => t.slice(0, 5));
  if (d.asNeededBoolean === true) {
    if (r?.frequencyMax !== undefined && r.period === 1 && r.periodUnit === 'd')
      return { kind: 'as_needed', maxPerDay: r.frequencyMax };
    return 'As needed: give the most doses a day as frequencyMax per period 1 d.';
  }
  if (r?.periodUnit === 'h' && r.frequency === 1 && r.period !== undefined && times.length === 1)
    return { kind: 'every_n_hours', everyHours: r.period, firstTime: times[0] ?? '' };
  if (times.length > 0) {
    const days = (r?.dayOfWeek ?? []).map((day) => (dayNames.indexOf(day) + 1) as Weekday);
    return { kind: 'times', times, weekdays: days.length > 0 ? days : null };
  }
  return 'Give the times of day (timeOfDay): Duet reminds the patient at those times.';
}

/** The prescription a MedicationRequest carries; names the first element it cannot take. */
export function fromMedicationRequest(m: MedicationRequest): PrescriptionRead {
  if (m.status !== 'active')
    return fail('MedicationRequest.status', 'Import current medications: status must be active.');
  if (m.intent !== 'order') return fail('MedicationRequest.intent', 'intent must be order (a prescription).');
  const patientId = idOfReference(m.subject, 'Patient');
  if (!patientId) return fail('MedicationRequest.subject', 'Reference the Patient.');
  const requesterId = m.requester ? idOfReference(m.requester, 'Practitioner') : null;
  if (m.requester && !requesterId)
    return fail('MedicationRequest.requester', 'Reference the prescriber as Practitioner/<id>.');
  const contained = m.medicationReference?.reference?.startsWith('#')
    ? (m.contained ?? []).find(
        (c): c is Medication =>
          c.resourceType === 'Medication' && `#${c.id ?? ''}` === m.medicationReference?.reference,
      )
    : undefined;
  if (!contained)
    return fail(
      'MedicationRequest.medication[x]',
      'Send the medicine as a contained Medication (medicationReference "#id") with its code and dose form: Duet’s dose limits depend on the form.',
      'required',
    );
  const name = textOf(contained.code);
  if (name === '')
    return fail(
      'MedicationRequest.contained.code',
      'Name the medicine (code.text or a coding display).',
      'required',
    );
  const form = textOf(contained.form);
  if (form === '')
    return fail(
      'MedicationRequest.contained.form',
      'Give the dose form (tablet, capsule, solution …).',
      'required',
    );
  const dosages = m.dosageInstruction ?? [];
  if (dosages.length === 0)
    return fail('MedicationRequest.dosageInstruction', 'Give the current dose.', 'required');
  if (dosages.length > 1)
    return fail(
      'MedicationRequest.dosageInstruction[1]',
      'Import the dose in effect now as one dosageInstruction; Duet keeps later changes as its own records.',
      'not-supported',
    );
  const d = dosages[0] ?? {};
  const dose = d.doseAndRate?.[0]?.doseQuantity;
  if (dose?.value === undefined || !dose.unit)
    return fail(DOSE_PATH, 'Give the dose as doseQuantity with value and unit.', 'required');
  const route = textOf(d.route);
  if (route === '')
    return fail('MedicationRequest.dosageInstruction[0].route', 'Give the route (oral …).', 'required');
  const schedule = scheduleOf(d);
  if (typeof schedule === 'string') return fail(TIMING_PATH, schedule);
  const bounds = d.timing?.repeat?.boundsPeriod;
  const startDate = (bounds?.start ?? m.authoredOn ?? '').slice(0, 10);
  if (startDate === '')
    return fail(`${TIMING_PATH}.boundsPeriod.start`, 'Give the day the medication started.', 'required');
  const instructions = [d.text ?? '', d.patientInstruction ?? '', ...(m.note ?? []).map((n) => n.text)]
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .join('\n');
  return {
    ok: true,
    value: {
      patientId,
      requesterId,
      name,
      rxnormCode: contained.code?.coding?.find((c) => c.system === RXNORM)?.code ?? null,
      form,
      route,
      instructions,
      startDate,
      endDate: bounds?.end ? bounds.end.slice(0, 10) : null,
      doseAmount: dose.value,
      doseUnit: dose.unit,
      schedule,
    },
  };
}
