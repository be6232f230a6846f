import type { MedicationRequest } from '@medplum/fhirtypes';
import { listCatalogue, startMedication } from '../medications/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/auth/actor.js';
import { startMedicationSchema } from '../../../shared/medications/schemas.js';
import type { SafetyWarning } from '../../../shared/medication-safety/interactions.js';
import {
  DOSE_PATH,
  TIMING_PATH,
  fromMedicationRequest,
} from '../../../shared/fhir/mappings/medication-request-in.js';
import { FhirError } from './outcome.js';
import * as fhirRepo from './fhir.repository.js';
import {
  answerIdFor,
  bodyOf,
  keyOf,
  readResource,
  unreachable,
  type ClientKey,
  type WriteContext,
} from './writes.service.js';

/** Where the medications feature's field (after `body.`) came from in the MedicationRequest. */
const elements: Record<string, string> = {
  doseAmount: DOSE_PATH,
  doseUnit: `${DOSE_PATH}.unit`,
  overMaximumReason: DOSE_PATH,
  schedule: TIMING_PATH,
  startDate: `${TIMING_PATH}.boundsPeriod.start`,
  endDate: `${TIMING_PATH}.boundsPeriod.end`,
  steps: `${TIMING_PATH}.boundsPeriod.end`,
  catalogueId: 'MedicationRequest.contained.code',
  name: 'MedicationRequest.contained.code',
  monitoringAnswer: 'MedicationRequest.contained.code',
  form: 'MedicationRequest.contained.form',
  route: 'MedicationRequest.dosageInstruction[0].route',
  instructions: 'MedicationRequest.dosageInstruction[0].text',
};

/** A refusal of the medications feature (its prescribing safety checks) as the element at fault. */
function asFhir(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  if (err.code === 'conflict' && !Array.isArray(err.details)) {
    const warnings = (err.details as { warnings?: Pick<SafetyWarning, 'title' | 'effect'>[] } | undefined)
      ?.warnings;
    const named = (warnings ?? []).map((w) => `${w.title}: ${w.effect}`).join(' ');
    return new FhirError(
      422,
      'business-rule',
      `Prescribing safety warnings need the prescriber’s answer in Duet (import it there): ${named}`,
      'MedicationRequest.contained.code',
    );
  }
  if (err.code !== 'validation_failed' && err.code !== 'conflict') return err;
  const detail = Array.isArray(err.details)
    ? (err.details[0] as { path?: string; message?: string } | undefined)
    : undefined;
  const field = (detail?.path ?? '').replace(/^body\./, '').split('.')[0] ?? '';
  const message =
    detail?.message && detail.message !== err.message ? `${err.message} ${detail.message}` : err.message;
  return new FhirError(422, 'business-rule', message, elements[field] ?? 'MedicationRequest');
}

/**
 * Imports a current prescription (medication-request-in.ts) through the medications feature's own start, as
 * the prescriber on the patient's care team the request names: the catalogue, the dose limits (a dose above
 * the maximum is a bad entry: no reason can be given through FHIR), the interaction and safety warnings (one
 * needing an answer is a bad entry) apply exactly as in the prescribing form. Idempotent on the identifier
 * or `ifNoneExist`, like the other writes. Audited against the patient with the client as actor.
 */
export async function writeMedicationRequest(
  w: WriteContext,
  body: unknown,
  condition: ClientKey | null,
): Promise<{ created: boolean; id: string }> {
  const { client } = w;
  const m = bodyOf<MedicationRequest>(body, 'MedicationRequest');
  const read = readResource('MedicationRequest', () => fromMedicationRequest(m));
  if (!read.ok) throw new FhirError(422, read.code, read.message, read.path);
  const p = read.value;
  const patient = await fhirRepo.reachablePatient(w.trx, client.clinicId, client.teamMemberIds, p.patientId);
  if (!patient) throw unreachable(w, p.patientId, 'MedicationRequest', 'MedicationRequest.subject');
  const team = await fhirRepo.careTeamOf(w.trx, client.clinicId, p.patientId);
  const prescriber = team.find((t) => t.role === 'prescriber' && t.user_id === p.requesterId);
  if (!prescriber)
    throw new FhirError(
      422,
      p.requesterId === null ? 'required' : 'business-rule',
      'The requester must be the prescriber on the patient’s care team (Practitioner/<id>): the medication is recorded as theirs.',
      'MedicationRequest.requester',
    );
  const key = keyOf(condition, m.identifier?.[0]);
  const id = key ? answerIdFor(client.clientId, key) : newId();
  const catalogue =
    p.rxnormCode === null
      ? []
      : (await listCatalogue(w.trx, client.clinicId, { includeInactive: false })).filter(
          (c) => c.rxnorm_code === p.rxnormCode,
        );
  const actor: Actor = {
    userId: prescriber.user_id,
    role: 'prescriber',
    clinicId: client.clinicId,
    patientId: null,
    sessionIdHash: '',
    csrfToken: '',
  };
  const input = startMedicationSchema.safeParse({
    id,
    catalogueId: catalogue.length === 1 ? (catalogue[0]?.id ?? null) : null,
    name: p.name,
    form: p.form,
    route: p.route,
    instructions: p.instructions,
    startDate: p.startDate,
    endDate: p.endDate,
    doseAmount: p.doseAmount,
    doseUnit: p.doseUnit,
    schedule: p.schedule,
    reason: 'Imported from the clinic’s EHR (FHIR transaction).',
    steps: [],
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new FhirError(
      422,
      'invalid',
      issue?.message ?? 'The prescription cannot be imported.',
      elements[String(issue?.path[0] ?? '')] ?? 'MedicationRequest',
    );
  }
  let result;
  try {
    result = await startMedication(w.bound, actor, p.patientId, input.data);
  } catch (err) {
    throw asFhir(err);
  }
  await w.deps.audit.record(w.trx, client.clinicId, client.actor, {
    action: w.action,
    resourceType: 'MedicationRequest',
    resourceId: id,
    patientId: p.patientId,
    outcome: 'allowed',
  });
  return { created: result.created, id };
}
