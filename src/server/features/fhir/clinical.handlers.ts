import { toMedicationRequest } from '../../../shared/fhir/mappings/medication-request.js';
import { toAppointment } from '../../../shared/fhir/mappings/appointment.js';
import { doseScheduleSchema } from '../../../shared/medications/schemas.js';
import type { Resource } from '@medplum/fhirtypes';
import type { Cursor } from '../../../shared/fhir/search.js';
import { auditReads, reachPatient, type FhirContext } from './access.js';
import type { ResourceHandler, SearchPage } from './handler.js';
import { notFoundFhir } from './outcome.js';
import { includesRequesters, medicationRequestIncludes, withRequesters } from './includes.js';
import { boundsOf, idsOf, requirePatient, sortOf } from './params.js';
import * as repo from './fhir.repository.js';

/** A patient's prescriptions and appointments are few: a page is a slice, the cursor its offset. */
function slice(all: readonly Resource[], count: number, cursor: Cursor | null): SearchPage {
  const from = cursor?.at ?? 0;
  return {
    total: all.length,
    resources: all.slice(from, from + count),
    next: from + count < all.length ? { at: from + count, id: '' } : null,
  };
}

async function prescriptions(ctx: FhirContext, patientId: string, ids: readonly string[] | null) {
  const db = ctx.deps.database.db;
  const meds = await repo.medicationsOf(db, ctx.client.clinicId, patientId, ids);
  const periods = await repo.periodsOf(
    db,
    ctx.client.clinicId,
    meds.map((m) => m.id),
  );
  return meds.map((m) =>
    toMedicationRequest({
      id: m.id,
      patientId: m.patient_id,
      name: m.name,
      rxnormCode: m.rxnorm_code,
      route: m.route,
      instructions: m.instructions,
      startDate: m.start_date,
      endDate: m.end_date,
      status: m.status,
      prescribedBy: m.prescribed_by,
      version: m.version,
      updatedAt: m.updated_at,
      periods: periods
        .filter((p) => p.medication_id === m.id)
        .map((p) => ({
          from: p.starts_on,
          doseAmount: p.dose_amount,
          doseUnit: p.dose_unit,
          schedule: doseScheduleSchema.parse(JSON.parse(p.schedule)),
          paused: Boolean(p.paused),
        })),
    }),
  );
}

const statusList = (params: ReadonlyMap<string, readonly string[]>) =>
  params.get('status')?.flatMap((v) => v.split(','));

export const medicationRequestHandler: ResourceHandler = {
  type: 'MedicationRequest',
  params: ['patient', 'subject', 'status', 'intent', '_id', '_include'],
  includes: medicationRequestIncludes,
  async read(ctx, id) {
    const owner = await repo.medicationPatient(ctx.deps.database.db, ctx.client.clinicId, id);
    if (!owner) throw notFoundFhir('MedicationRequest', id);
    const patientId = owner.patient_id;
    await reachPatient(ctx, patientId, {
      action: 'fhir.read',
      resourceType: 'MedicationRequest',
      resourceId: id,
    });
    const [found] = await prescriptions(ctx, patientId, [id]);
    if (!found) throw notFoundFhir('MedicationRequest', id);
    await auditReads(ctx, [
      { action: 'fhir.read', resourceType: 'MedicationRequest', resourceId: id, patientId },
    ]);
    return found;
  },
  async search(ctx, params, count, cursor) {
    const requesters = includesRequesters(ctx, params);
    const patientId = requirePatient(params, 'MedicationRequest');
    await reachPatient(ctx, patientId, {
      action: 'fhir.search',
      resourceType: 'MedicationRequest',
      resourceId: patientId,
    });
    const statuses = statusList(params);
    const intents = params.get('intent')?.flatMap((v) => v.split(','));
    const all = (await prescriptions(ctx, patientId, idsOf(params))).filter(
      (m) =>
        (statuses === undefined || statuses.includes(m.status)) &&
        (intents === undefined || intents.includes('order')),
    );
    await auditReads(ctx, [
      { action: 'fhir.search', resourceType: 'MedicationRequest', resourceId: null, patientId },
    ]);
    const page = slice(all, count, cursor);
    return requesters ? withRequesters(ctx, page) : page;
  },
};

export const appointmentHandler: ResourceHandler = {
  type: 'Appointment',
  params: ['patient', 'actor', 'date', 'status', '_id', '_sort'],
  async read(ctx, id) {
    const owner = await repo.appointmentPatient(ctx.deps.database.db, ctx.client.clinicId, id);
    if (!owner) throw notFoundFhir('Appointment', id);
    const patientId = owner.patient_id;
    await reachPatient(ctx, patientId, { action: 'fhir.read', resourceType: 'Appointment', resourceId: id });
    const [row] = await repo.appointmentsOf(
      ctx.deps.database.db,
      ctx.client.clinicId,
      patientId,
      [id],
      null,
      null,
    );
    if (!row) throw notFoundFhir('Appointment', id);
    await auditReads(ctx, [{ action: 'fhir.read', resourceType: 'Appointment', resourceId: id, patientId }]);
    return appointmentOf(row);
  },
  async search(ctx, params, count, cursor) {
    const byActor = params.get('actor')?.map((a) => (a.startsWith('Patient/') ? a : `Patient/${a}`));
    const withPatient = byActor ? new Map([...params, ['patient', byActor]]) : params;
    const patientId = requirePatient(withPatient, 'Appointment');
    await reachPatient(ctx, patientId, {
      action: 'fhir.search',
      resourceType: 'Appointment',
      resourceId: patientId,
    });
    const sort = sortOf(params, ['date', '-date'] as const, 'date');
    const date = boundsOf(params, 'date');
    const statuses = statusList(params);
    const rows = await repo.appointmentsOf(
      ctx.deps.database.db,
      ctx.client.clinicId,
      patientId,
      idsOf(params),
      date.from,
      date.before,
    );
    const all = rows.map(appointmentOf).filter((a) => statuses === undefined || statuses.includes(a.status));
    if (sort === '-date') all.reverse();
    await auditReads(ctx, [
      { action: 'fhir.search', resourceType: 'Appointment', resourceId: null, patientId },
    ]);
    return slice(all, count, cursor);
  },
};

function appointmentOf(r: Awaited<ReturnType<typeof repo.appointmentsOf>>[number]) {
  return toAppointment({
    id: r.id,
    patientId: r.patient_id,
    clinicianId: r.clinician_id,
    type: r.type,
    status: r.status,
    mode: r.mode,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    durationMinutes: r.duration_minutes,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  });
}
