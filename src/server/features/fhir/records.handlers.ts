import { toAllergyIntolerance } from '../../../shared/fhir/mappings/allergy-intolerance.js';
import { toEncounter } from '../../../shared/fhir/mappings/encounter.js';
import { toPractitionerRole } from '../../../shared/fhir/mappings/practitioner-role.js';
import type { FhirContext } from './access.js';
import type { ResourceHandler } from './handler.js';
import {
  auditSearch,
  codesOf,
  emptyPage,
  matchesAll,
  readInPatient,
  searchedPatient,
  slicePage,
} from './compartment.js';
import { notFoundFhir } from './outcome.js';
import { boundsOf, idsOf, sortOf } from './params.js';
import * as repo from './fhir-clinical-records.repository.js';

const roleOf = (u: Awaited<ReturnType<typeof repo.clinicianRoles>>[number]) =>
  toPractitionerRole({
    id: u.id,
    clinicId: u.clinic_id,
    name: u.name,
    role: u.role,
    active: u.status === 'active',
    version: u.version,
    updatedAt: u.updated_at,
  });

/** A clinician's role in the clinic; like Practitioner it holds no patient data and is not audited per read. */
export const practitionerRoleHandler: ResourceHandler = {
  type: 'PractitionerRole',
  params: ['_id', 'practitioner', 'role'],
  async read(ctx, id) {
    const [u] = await repo.clinicianRoles(ctx.deps.database.db, ctx.client.clinicId, [id]);
    if (!u) throw notFoundFhir('PractitionerRole', id);
    return roleOf(u);
  },
  async search(ctx, params, count, cursor) {
    const practitioners = params
      .get('practitioner')
      ?.map((v) => v.split(',').map((p) => p.replace(/^Practitioner\//, '')));
    const roles = params.get('role');
    const rows = await repo.clinicianRoles(ctx.deps.database.db, ctx.client.clinicId, idsOf(params));
    const all = rows
      .filter((u) => practitioners === undefined || practitioners.every((any) => any.includes(u.id)))
      .map(roleOf)
      .filter(
        (r) =>
          roles === undefined ||
          roles.every((v) =>
            v
              .toLowerCase()
              .split(',')
              .includes((r.code?.[0]?.text ?? '').toLowerCase()),
          ),
      );
    return slicePage(all, count, cursor);
  },
};

const allergyOwner = async (ctx: FhirContext, id: string) =>
  (await repo.allergyPatient(ctx.deps.database.db, ctx.client.clinicId, id))?.patient_id;

async function allergies(ctx: FhirContext, patientId: string, ids: readonly string[] | null) {
  const rows = await repo.allergiesOf(ctx.deps.database.db, ctx.client.clinicId, patientId, ids);
  return rows.map((a) =>
    toAllergyIntolerance({
      id: a.id,
      patientId: a.patient_id,
      substance: a.name,
      reaction: a.reaction,
      severity: a.severity,
      status: a.status,
      enteredBy: a.entered_by,
      enteredByRole: a.entered_by_role,
      enteredAt: a.entered_at,
      version: a.version,
      updatedAt: a.updated_at,
    }),
  );
}

/** The allergies of the patient's medication-safety profile (other medicines and conditions there are not). */
export const allergyIntoleranceHandler: ResourceHandler = {
  type: 'AllergyIntolerance',
  params: ['patient', '_id', 'clinical-status'],
  read(ctx, id) {
    return readInPatient(
      ctx,
      'AllergyIntolerance',
      id,
      (i) => allergyOwner(ctx, i),
      async (patientId) => (await allergies(ctx, patientId, [id]))[0],
    );
  },
  async search(ctx, params, count, cursor) {
    const patientId = await searchedPatient(ctx, params, 'AllergyIntolerance', (i) => allergyOwner(ctx, i));
    if (patientId === null) return emptyPage;
    const clinical = codesOf(params, 'clinical-status');
    const all = (await allergies(ctx, patientId, idsOf(params))).filter((a) =>
      matchesAll(clinical, a.clinicalStatus?.coding?.[0]?.code),
    );
    await auditSearch(ctx, 'AllergyIntolerance', patientId);
    return slicePage(all, count, cursor);
  },
};

const encounterOwner = async (ctx: FhirContext, id: string) =>
  (await repo.attendedPatient(ctx.deps.database.db, ctx.client.clinicId, id))?.patient_id;

const encounterOf = (ctx: FhirContext, r: repo.AttendedRow) =>
  toEncounter({
    id: r.id,
    patientId: r.patient_id,
    clinicianId: r.clinician_id,
    type: r.type,
    mode: r.mode,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    clinicId: ctx.client.clinicId,
    updatedAt: r.updated_at,
    version: r.version,
  });

/** Appointments that took place (attended) as finished Encounters; the Encounter's id is the Appointment's. */
export const encounterHandler: ResourceHandler = {
  type: 'Encounter',
  params: ['patient', 'subject', '_id', 'date', 'status', '_sort'],
  read(ctx, id) {
    return readInPatient(
      ctx,
      'Encounter',
      id,
      (i) => encounterOwner(ctx, i),
      async (patientId) => {
        const [row] = await repo.attendedOf(
          ctx.deps.database.db,
          ctx.client.clinicId,
          patientId,
          [id],
          null,
          null,
        );
        return row && encounterOf(ctx, row);
      },
    );
  },
  async search(ctx, params, count, cursor) {
    const patientId = await searchedPatient(ctx, params, 'Encounter', (i) => encounterOwner(ctx, i));
    if (patientId === null) return emptyPage;
    const sort = sortOf(params, ['date', '-date'] as const, '-date');
    const date = boundsOf(params, 'date');
    const statuses = codesOf(params, 'status');
    const rows = await repo.attendedOf(
      ctx.deps.database.db,
      ctx.client.clinicId,
      patientId,
      idsOf(params),
      date.from,
      date.before,
    );
    const all = rows.map((r) => encounterOf(ctx, r)).filter((e) => matchesAll(statuses, e.status));
    if (sort === '-date') all.reverse();
    await auditSearch(ctx, 'Encounter', patientId);
    return slicePage(all, count, cursor);
  },
};
