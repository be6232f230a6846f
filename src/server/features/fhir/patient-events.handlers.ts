import { toMedicationStatement } from '../../../shared/fhir/mappings/medication-statement.js';
import { toCommunication } from '../../../shared/fhir/mappings/communication.js';
import { toAuditEvent } from '../../../shared/fhir/mappings/audit-event.js';
import type { FhirContext } from './access.js';
import type { ResourceHandler } from './handler.js';
import { auditSearch, codesOf, emptyPage, readInPatient, searchedPatient } from './compartment.js';
import { boundsOf, idsOf } from './params.js';
import * as repo from './fhir-patient-events.repository.js';

// The patient's dose log, messages with the care team and access trail grow without bound: newest first, paged
// by a keyset position (the last row sent), counted apart.

const db = (ctx: FhirContext) => ctx.deps.database.db;

const statementOf = (d: repo.DoseRow) =>
  toMedicationStatement({
    id: d.id,
    patientId: d.patient_id,
    medicationId: d.medication_id,
    medicationName: d.medication_name,
    rxnormCode: d.rxnorm_code,
    status: d.status,
    skipReason: d.skip_reason,
    takenAt: d.taken_at,
    scheduledFor: d.scheduled_for,
    localDate: d.local_date,
    doseAmount: d.dose_amount,
    doseUnit: d.dose_unit,
    asNeeded: Boolean(d.as_needed),
    loggedBy: d.logged_by,
    loggedByRole: d.logged_by_role,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    version: d.version,
  });

const doseOwner = async (ctx: FhirContext, id: string) =>
  (await repo.dosePatient(db(ctx), ctx.client.clinicId, id))?.patient_id;

/** FHIR MedicationStatement status → the dose log's status. */
const doseStatuses: Record<string, string> = { completed: 'taken', 'not-taken': 'skipped' };

/** Each logged dose (taken or skipped) is a MedicationStatement: the statements are the adherence record. */
export const medicationStatementHandler: ResourceHandler = {
  type: 'MedicationStatement',
  params: ['patient', 'subject', '_id', 'status'],
  read(ctx, id) {
    return readInPatient(
      ctx,
      'MedicationStatement',
      id,
      (i) => doseOwner(ctx, i),
      async (patientId) => {
        const filter = { clinicId: ctx.client.clinicId, patientId, ids: [id], statuses: null };
        const [row] = await repo.searchDoses(db(ctx), { ...filter, after: null, limit: 1 });
        return row && statementOf(row);
      },
    );
  },
  async search(ctx, params, count, cursor) {
    const patientId = await searchedPatient(ctx, params, 'MedicationStatement', (i) => doseOwner(ctx, i));
    if (patientId === null) return emptyPage;
    const asked = codesOf(params, 'status');
    // Repeated status parameters AND: only statuses in every list.
    const statuses = asked
      ? (asked[0] ?? [])
          .filter((s) => asked.every((any) => any.includes(s)))
          .map((s) => doseStatuses[s] ?? '')
      : null;
    const filter = { clinicId: ctx.client.clinicId, patientId, ids: idsOf(params), statuses };
    const [total, rows] = await Promise.all([
      repo.countDoses(db(ctx), filter),
      repo.searchDoses(db(ctx), { ...filter, after: cursor, limit: count + 1 }),
    ]);
    const shown = rows.slice(0, count);
    const last = shown.at(-1);
    await auditSearch(ctx, 'MedicationStatement', patientId);
    return {
      total,
      resources: shown.map(statementOf),
      next: rows.length > count && last ? { at: repo.dayNumber(last.local_date), id: last.id } : null,
    };
  },
};

const messageOwner = async (ctx: FhirContext, id: string) =>
  (await repo.patientMessagePatient(db(ctx), ctx.client.clinicId, id))?.patient_id;

const communicationOf = (m: repo.MessageRow) =>
  toCommunication({
    id: m.id,
    patientId: m.patient_id,
    conversationId: m.conversation_id,
    subject: m.subject,
    authorId: m.author_id,
    authorRole: m.author_role,
    body: m.body,
    createdAt: m.created_at,
  });

/** Messages between the patient and the care team. The care team's own thread about the patient is never sent. */
export const communicationHandler: ResourceHandler = {
  type: 'Communication',
  params: ['patient', 'subject', '_id', 'sent', 'status'],
  read(ctx, id) {
    return readInPatient(
      ctx,
      'Communication',
      id,
      (i) => messageOwner(ctx, i),
      async (patientId) => {
        const filter = { clinicId: ctx.client.clinicId, patientId, ids: [id], from: null, before: null };
        const [row] = await repo.searchMessages(db(ctx), { ...filter, after: null, limit: 1 });
        return row && communicationOf(row);
      },
    );
  },
  async search(ctx, params, count, cursor) {
    const patientId = await searchedPatient(ctx, params, 'Communication', (i) => messageOwner(ctx, i));
    if (patientId === null) return emptyPage;
    const statuses = codesOf(params, 'status');
    if (statuses && !statuses.every((any) => any.includes('completed'))) {
      await auditSearch(ctx, 'Communication', patientId);
      return emptyPage;
    }
    const sent = boundsOf(params, 'sent');
    const filter = {
      clinicId: ctx.client.clinicId,
      patientId,
      ids: idsOf(params),
      from: sent.from,
      before: sent.before,
    };
    const [total, rows] = await Promise.all([
      repo.countMessages(db(ctx), filter),
      repo.searchMessages(db(ctx), { ...filter, after: cursor, limit: count + 1 }),
    ]);
    const shown = rows.slice(0, count);
    const last = shown.at(-1);
    await auditSearch(ctx, 'Communication', patientId);
    return {
      total,
      resources: shown.map(communicationOf),
      next: rows.length > count && last ? { at: last.created_at, id: last.sort_key } : null,
    };
  },
};

const accessOwner = async (ctx: FhirContext, id: string) =>
  (await repo.accessEventPatient(db(ctx), ctx.client.clinicId, id))?.patient_id;

// The queries select the patient's events with an actor only; the patient id and actor are those.
const auditEventOf = (ctx: FhirContext, patientId: string, a: repo.AccessRow) =>
  toAuditEvent(
    {
      id: a.id,
      clinicId: a.clinic_id,
      patientId,
      at: a.at,
      actorId: a.actor_id ?? '',
      actorRole: a.actor_role,
      actorName: a.actor_name,
      action: a.action,
      outcome: a.outcome,
    },
    ctx,
  );

/** The patient's access report as AuditEvents: who (person or integration) opened or changed the record. */
export const auditEventHandler: ResourceHandler = {
  type: 'AuditEvent',
  params: ['patient', '_id', 'date'],
  read(ctx, id) {
    return readInPatient(
      ctx,
      'AuditEvent',
      id,
      (i) => accessOwner(ctx, i),
      async (patientId) => {
        const filter = { clinicId: ctx.client.clinicId, patientId, ids: [id], from: null, before: null };
        const [row] = await repo.searchAccess(db(ctx), { ...filter, after: null, limit: 1 });
        return row && auditEventOf(ctx, patientId, row);
      },
    );
  },
  async search(ctx, params, count, cursor) {
    const patientId = await searchedPatient(ctx, params, 'AuditEvent', (i) => accessOwner(ctx, i));
    if (patientId === null) return emptyPage;
    const date = boundsOf(params, 'date');
    const filter = {
      clinicId: ctx.client.clinicId,
      patientId,
      ids: idsOf(params),
      from: date.from,
      before: date.before,
    };
    const [total, rows] = await Promise.all([
      repo.countAccess(db(ctx), filter),
      repo.searchAccess(db(ctx), { ...filter, after: cursor, limit: count + 1 }),
    ]);
    const shown = rows.slice(0, count);
    const last = shown.at(-1);
    await auditSearch(ctx, 'AuditEvent', patientId);
    return {
      total,
      resources: shown.map((a) => auditEventOf(ctx, patientId, a)),
      next: rows.length > count && last ? { at: last.seq, id: last.id } : null,
    };
  },
};
