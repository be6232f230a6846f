import type { AppDeps } from '../../platform/deps.js';
import type { AuditEntry } from '../../platform/audit/audit.js';
import type { FhirClient } from './fhir-client.js';
import { FhirError } from './outcome.js';
import * as repo from './fhir.repository.js';

export interface FhirContext {
  deps: AppDeps;
  client: FhirClient;
  /** The FHIR base URL (…/fhir/R4) for references and links. */
  base: string;
}

/**
 * The patient, when this client reaches them (clinic and care-team limit); otherwise the attempt is audited
 * (against the patient when the id is a real patient of the clinic) and answered 404, exactly like an unknown id.
 */
export async function reachPatient(
  ctx: FhirContext,
  patientId: string,
  what: { action: string; resourceType: string; resourceId: string },
): Promise<repo.PatientRow> {
  const { deps, client } = ctx;
  const db = deps.database.db;
  const patient = await repo.reachablePatient(db, client.clinicId, client.teamMemberIds, patientId);
  if (patient) return patient;
  const known = await repo.patientInClinic(db, client.clinicId, patientId);
  await deps.audit.recordRead(client.clinicId, client.actor, {
    ...what,
    patientId: known ? patientId : null,
    outcome: 'denied',
  });
  throw new FhirError(404, 'not-found', `${what.resourceType}/${what.resourceId} is not known.`);
}

/** Each patient whose data was sent gets its event, with the client as actor (the patient's access report). */
export function auditReads(ctx: FhirContext, entries: readonly Omit<AuditEntry, 'outcome'>[]): Promise<void> {
  return ctx.deps.audit.recordReads(
    ctx.client.clinicId,
    ctx.client.actor,
    entries.map((e) => ({ ...e, outcome: 'allowed' as const })),
  );
}
