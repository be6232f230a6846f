import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, teamRolesOf, withPatientRecord } from '../../platform/access/patient-access.js';
import { userNames } from '../../platform/users/user-names.repository.js';
import type { AgendaItem } from '../../../shared/visit-agenda/api.js';
import type { AgendaItemChange, NewAgendaItem } from '../../../shared/visit-agenda/schemas.js';
import {
  addressedToReader,
  addresseeOfAppointment,
  agendaAddressees,
  type AgendaAddressee,
} from '../../../shared/visit-agenda/rules.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { toAgendaItem } from './visit-agenda.mapper.js';
import * as repo from './visit-agenda.repository.js';

type Reader = { kind: 'patient' } | { kind: 'team'; teamRoles: string[] };

async function readerOf(trx: Db, actor: Actor, patientId: string): Promise<Reader> {
  if (actor.role === 'patient') return { kind: 'patient' };
  return { kind: 'team', teamRoles: await teamRolesOf(trx, actor, patientId) };
}

const visibleTo = (reader: Reader, addressedTo: string) =>
  reader.kind === 'patient' || addressedToReader(addressedTo as AgendaAddressee, reader.teamRoles);

async function shape(trx: Db, clinicId: string, rows: repo.AgendaRow[], now: number): Promise<AgendaItem[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.discussed_by === null ? [] : [r.discussed_by])))];
  const names = ids.length > 0 ? await userNames(trx, clinicId, ids) : new Map<string, string>();
  return rows.map((r) => toAgendaItem(r, names, now));
}

/**
 * The items this reader may see, inside a transaction already on the patient's record: the patient all
 * their own; a clinician those addressed to their care-team role, or to both (the whole team). For an
 * appointment: the items added for it and the open ones for the next visit, addressed to the appointment's
 * clinician (sessions: the therapist; medication reviews: the prescriber) or to both. Open items first.
 */
export async function agendaItemsFor(
  trx: Db,
  actor: Actor,
  patientId: string,
  now: number,
  filter: { onlyOpen: boolean; appointment?: { id: string; type: string } },
): Promise<AgendaItem[]> {
  return (await boundedAgendaItemsFor(trx, actor, patientId, now, filter)).items;
}

const openFirstThenOldest = (a: repo.AgendaRow, b: repo.AgendaRow) =>
  (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
  a.created_at - b.created_at ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** As agendaItemsFor; with `limit`, every open item first, then the latest discussed ones, `hasMore` when cut. */
async function boundedAgendaItemsFor(
  trx: Db,
  actor: Actor,
  patientId: string,
  now: number,
  filter: { onlyOpen: boolean; appointment?: { id: string; type: string }; limit?: number },
): Promise<{ items: AgendaItem[]; hasMore: boolean }> {
  const reader = await readerOf(trx, actor, patientId);
  const appointment = filter.appointment;
  const addressee = appointment ? addresseeOfAppointment(appointment.type) : null;
  const shown = (a: string) =>
    visibleTo(reader, a) && (addressee === null || a === 'both' || a === addressee);
  const addressees = agendaAddressees.filter(shown);
  if (addressees.length === 0) return { items: [], hasMore: false };
  const found = (
    await repo.listItems(trx, actor.clinicId, patientId, {
      onlyOpen: filter.onlyOpen,
      addressees,
      ...(appointment ? { appointmentId: appointment.id } : {}),
      ...(filter.limit !== undefined ? { limit: filter.limit + 1 } : {}),
    })
  ).filter((r) => shown(r.addressed_to));
  const { rows, hasMore } = firstOf(found, filter.limit ?? found.length);
  return { items: await shape(trx, actor.clinicId, rows.sort(openFirstThenOldest), now), hasMore };
}

export function listAgenda(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { appointmentId?: string | undefined; status: 'open' | 'all'; limit: number },
): Promise<{ items: AgendaItem[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'agenda.read', resourceType: 'agenda_item' },
    async (trx) => {
      let appointment: { id: string; type: string } | undefined;
      if (query.appointmentId !== undefined) {
        const found = await repo.findAppointment(trx, actor.clinicId, patientId, query.appointmentId);
        if (!found) throw notFound('Appointment');
        appointment = found;
      }
      return boundedAgendaItemsFor(trx, actor, patientId, deps.clock.now(), {
        onlyOpen: query.status === 'open',
        limit: query.limit,
        ...(appointment ? { appointment } : {}),
      });
    },
  );
}

async function reloadItem(trx: Db, actor: Actor, patientId: string, itemId: string, now: number) {
  const row = await repo.findItem(trx, actor.clinicId, patientId, itemId);
  if (!row) throw new Error('agenda item vanished inside its transaction');
  const [item] = await shape(trx, actor.clinicId, [row], now);
  if (!item) throw new Error('agenda item not shaped');
  return item;
}

/** The patient adds an item for their next visit or for one appointment. Idempotent on the client's id. */
export function addAgendaItem(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewAgendaItem,
): Promise<{ item: AgendaItem; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'agenda.add', resourceType: 'agenda_item', resourceId: input.id },
    async (trx) => {
      const now = deps.clock.now();
      const earlier = await repo.findItemAnywhere(trx, input.id);
      if (earlier) {
        if (earlier.clinic_id !== actor.clinicId || earlier.patient_id !== patientId)
          throw new AppError('conflict', 'This item id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return { item: await reloadItem(trx, actor, patientId, input.id, now), created: false };
      }
      const appointmentId = input.appointmentId ?? null;
      if (appointmentId !== null) {
        const appointment = await repo.findAppointment(trx, actor.clinicId, patientId, appointmentId);
        if (appointment?.status !== 'scheduled' || appointment.starts_at <= now)
          throw new AppError('validation_failed', 'Choose one of your appointments still to come.', [
            {
              path: 'body.appointmentId',
              message: appointment ? 'This appointment is not still to come' : 'Not one of your appointments',
            },
          ]);
      }
      await repo.insertItem(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        addressed_to: input.addressedTo,
        appointment_id: appointmentId,
        text: input.text,
        status: 'open',
        discussed_by: null,
        discussed_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      return { item: await reloadItem(trx, actor, patientId, input.id, now), created: true };
    },
  );
}

const stale = (current: AgendaItem) =>
  new AppError('precondition_failed', 'This item changed after you opened it. Review it and try again.', {
    current,
  });

const settled = new AppError(
  'conflict',
  'This item can no longer be changed: it has been discussed or the visit has begun.',
  [{ path: 'body', message: 'Discussed or the visit has begun' }],
);

/** The patient changes the text or the addressee of their own item, until the visit (If-Match). */
export function changeAgendaItem(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  itemId: string,
  expectedVersion: number,
  change: AgendaItemChange,
): Promise<AgendaItem> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'agenda.edit', resourceType: 'agenda_item', resourceId: itemId },
    async (trx) => {
      const now = deps.clock.now();
      const current = await repo.findItem(trx, actor.clinicId, patientId, itemId);
      if (!current) throw notFound('Agenda item');
      const item = await reloadItem(trx, actor, patientId, itemId, now);
      if (current.version !== expectedVersion) throw stale(item);
      if (!item.changeable) throw settled;
      const ok = await repo.updateItem(trx, actor.clinicId, itemId, expectedVersion, {
        ...(change.text !== undefined ? { text: change.text } : {}),
        ...(change.addressedTo !== undefined ? { addressed_to: change.addressedTo } : {}),
        updated_at: now,
      });
      if (!ok) throw stale(item);
      return reloadItem(trx, actor, patientId, itemId, now);
    },
  );
}

/** The patient deletes their own item, until the visit (If-Match). */
export function deleteAgendaItem(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  itemId: string,
  expectedVersion: number,
): Promise<void> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'agenda.delete', resourceType: 'agenda_item', resourceId: itemId },
    async (trx) => {
      const now = deps.clock.now();
      const current = await repo.findItem(trx, actor.clinicId, patientId, itemId);
      if (!current) throw notFound('Agenda item');
      const item = await reloadItem(trx, actor, patientId, itemId, now);
      if (current.version !== expectedVersion) throw stale(item);
      if (!item.changeable) throw settled;
      if (!(await repo.deleteItem(trx, actor.clinicId, itemId, expectedVersion))) throw stale(item);
    },
  );
}

/**
 * A clinician the item is addressed to marks it discussed (If-Match). An item addressed to someone else
 * is not theirs to see: 404, as for an unknown id. Marking it again answers it as it is.
 */
export function markDiscussed(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  itemId: string,
  expectedVersion: number,
): Promise<AgendaItem> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'agenda.discussed', resourceType: 'agenda_item', resourceId: itemId },
    async (trx) => {
      const now = deps.clock.now();
      const current = await repo.findItem(trx, actor.clinicId, patientId, itemId);
      const reader = await readerOf(trx, actor, patientId);
      if (!current || !visibleTo(reader, current.addressed_to)) throw notFound('Agenda item');
      const item = await reloadItem(trx, actor, patientId, itemId, now);
      if (current.version !== expectedVersion) throw stale(item);
      if (current.status === 'discussed') return item;
      const ok = await repo.updateItem(trx, actor.clinicId, itemId, expectedVersion, {
        status: 'discussed',
        discussed_by: actor.userId,
        discussed_at: now,
        updated_at: now,
      });
      if (!ok) throw stale(item);
      return reloadItem(trx, actor, patientId, itemId, now);
    },
  );
}
