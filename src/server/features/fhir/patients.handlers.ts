import { toPatient } from '../../../shared/fhir/mappings/patient.js';
import { toCareTeam } from '../../../shared/fhir/mappings/care-team.js';
import { tokenCodes } from '../../../shared/fhir/search.js';
import { auditReads, reachPatient, type FhirContext } from './access.js';
import type { ResourceHandler } from './handler.js';
import { FhirError } from './outcome.js';
import { boundsOf, idsOf, patientOf, sortOf } from './params.js';
import * as repo from './fhir.repository.js';

const patientOfRow = (ctx: FhirContext, p: repo.PatientRow) =>
  toPatient(
    {
      id: p.id,
      clinicId: p.clinic_id,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      email: p.email,
      phone: p.phone,
      medicalRecordNumber: p.medical_record_number,
      version: p.version,
      updatedAt: p.updated_at,
    },
    ctx,
  );

export const patientHandler: ResourceHandler = {
  type: 'Patient',
  params: ['_id', 'identifier', '_lastUpdated', '_sort'],
  async read(ctx, id) {
    const p = await reachPatient(ctx, id, { action: 'fhir.read', resourceType: 'Patient', resourceId: id });
    await auditReads(ctx, [{ action: 'fhir.read', resourceType: 'Patient', resourceId: id, patientId: id }]);
    return patientOfRow(ctx, p);
  },
  async search(ctx, params, count, cursor) {
    sortOf(params, ['_lastUpdated'] as const, '_lastUpdated');
    const identifiers = params.get('identifier');
    // An MRN search reads the value (any system: the clinic's own numbering is the only one Duet keeps).
    const mrn = identifiers ? (tokenCodes(identifiers, '').flat()[0] ?? '') : null;
    const updated = boundsOf(params, '_lastUpdated');
    const filter = {
      clinicId: ctx.client.clinicId,
      teamMemberIds: ctx.client.teamMemberIds,
      ids: idsOf(params),
      mrn,
      updatedFrom: updated.from,
      updatedBefore: updated.before,
    };
    const db = ctx.deps.database.db;
    const [total, rows] = await Promise.all([
      repo.countPatients(db, filter),
      repo.searchPatients(db, { ...filter, after: cursor, limit: count + 1 }),
    ]);
    const shown = rows.slice(0, count);
    const last = shown.at(-1);
    await auditReads(
      ctx,
      shown.map((p) => ({
        action: 'fhir.search',
        resourceType: 'Patient',
        resourceId: p.id,
        patientId: p.id,
      })),
    );
    return {
      total,
      resources: shown.map((p) => patientOfRow(ctx, p)),
      next: rows.length > count && last ? { at: last.updated_at, id: last.id } : null,
    };
  },
};

async function careTeamOf(ctx: FhirContext, p: repo.PatientRow) {
  const members = await repo.careTeamOf(ctx.deps.database.db, ctx.client.clinicId, p.id);
  return toCareTeam({
    patientId: p.id,
    clinicId: p.clinic_id,
    version: p.care_team_version,
    updatedAt: Math.max(p.updated_at, ...members.map((m) => m.added_at)),
    members: members.map((m) => ({ userId: m.user_id, name: m.name, role: m.role })),
  });
}

/** Each patient has one care team; its id is the patient's id. */
export const careTeamHandler: ResourceHandler = {
  type: 'CareTeam',
  params: ['patient', 'subject', 'status', '_id'],
  async read(ctx, id) {
    const p = await reachPatient(ctx, id, { action: 'fhir.read', resourceType: 'CareTeam', resourceId: id });
    await auditReads(ctx, [{ action: 'fhir.read', resourceType: 'CareTeam', resourceId: id, patientId: id }]);
    return careTeamOf(ctx, p);
  },
  async search(ctx, params) {
    const ids = idsOf(params);
    const patientId = patientOf(params, 'CareTeam') ?? (ids?.length === 1 ? ids[0] : undefined);
    if (patientId === undefined)
      throw new FhirError(400, 'required', 'Search CareTeam by patient (patient=<id>).', 'patient');
    if (ids !== null && !ids.includes(patientId)) return { total: 0, resources: [], next: null };
    const p = await reachPatient(ctx, patientId, {
      action: 'fhir.search',
      resourceType: 'CareTeam',
      resourceId: patientId,
    });
    const active = params.get('status')?.every((v) => v.split(',').includes('active')) ?? true;
    await auditReads(ctx, [{ action: 'fhir.search', resourceType: 'CareTeam', resourceId: null, patientId }]);
    if (!active) return { total: 0, resources: [], next: null };
    return { total: 1, resources: [await careTeamOf(ctx, p)], next: null };
  },
};
