import type { Db } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-query.js';
import { instrumentList } from '../../../shared/measures/instruments.js';
import {
  clinicPatients,
  patientColumns,
  answerColumns,
  clinicAnswers,
  clinicMedications,
  clinicPeriods,
  clinicAppointments,
} from './fhir-queries.repository.js';

// The FHIR API reads Duet's own tables (reading across features' tables is allowed; it writes none of them).

/** A whole-clinic client's patient lookup (every FHIR read and search makes one), built and compiled once. */
const patientOfClinic = compiledOnce((db: Db, clinicId: string, patientId: string) =>
  clinicPatients(db, clinicId).where('p.id', '=', patientId),
);

/** The patient, if this client reaches them: same clinic and, with a care-team limit, one of its clinicians on the team. */
export async function reachablePatient(
  db: Db,
  clinicId: string,
  teamMemberIds: readonly string[] | null,
  patientId: string,
) {
  if (teamMemberIds === null) return (await patientOfClinic(db, clinicId, patientId))[0];
  return clinicPatients(db, clinicId)
    .where('p.id', '=', patientId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('care_team_members as m')
          .select('m.user_id')
          .whereRef('m.patient_id', '=', 'p.id')
          .where('m.clinic_id', '=', clinicId)
          .where('m.user_id', 'in', teamMemberIds.length === 0 ? [''] : [...teamMemberIds]),
      ),
    )
    .executeTakeFirst();
}
export type PatientRow = NonNullable<Awaited<ReturnType<typeof reachablePatient>>>;

export function patientInClinic(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
}

export interface PatientSearch {
  clinicId: string;
  teamMemberIds: readonly string[] | null;
  ids: readonly string[] | null;
  mrn: string | null;
  updatedFrom: number | null;
  updatedBefore: number | null;
  /** Keyset: patients after this (updated_at, id) in ascending order. */
  after: { at: number; id: string } | null;
  limit: number;
}

function patientsWhere(db: Db, s: Omit<PatientSearch, 'after' | 'limit'>) {
  let q = db.selectFrom('patients as p').where('p.clinic_id', '=', s.clinicId);
  if (s.ids !== null) q = q.where('p.id', 'in', s.ids.length === 0 ? [''] : [...s.ids]);
  if (s.mrn !== null) q = q.where('p.medical_record_number', '=', s.mrn);
  if (s.updatedFrom !== null) q = q.where('p.updated_at', '>=', s.updatedFrom);
  if (s.updatedBefore !== null) q = q.where('p.updated_at', '<', s.updatedBefore);
  const members = s.teamMemberIds;
  if (members !== null)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('care_team_members as m')
          .select('m.user_id')
          .whereRef('m.patient_id', '=', 'p.id')
          .where('m.clinic_id', '=', s.clinicId)
          .where('m.user_id', 'in', members.length === 0 ? [''] : [...members]),
      ),
    );
  return q;
}

export async function searchPatients(db: Db, s: PatientSearch) {
  let q = patientsWhere(db, s).select(patientColumns);
  const after = s.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('p.updated_at', '>', after.at),
        eb.and([eb('p.updated_at', '=', after.at), eb('p.id', '>', after.id)]),
      ]),
    );
  return q.orderBy('p.updated_at').orderBy('p.id').limit(s.limit).execute();
}

export async function countPatients(db: Db, s: Omit<PatientSearch, 'after' | 'limit'>): Promise<number> {
  const row = await patientsWhere(db, s)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface AnswerSearch {
  clinicId: string;
  patientId: string;
  /**
   * Which answers: 'observations' keeps those giving a total of one of `totalOf` instruments or an item-9
   * answer of one of `item9Of`; 'responses' keeps every answer (complete or not: `complete` narrows).
   */
  kind: 'observations' | 'responses';
  totalOf: readonly string[];
  item9Of: readonly string[];
  complete: boolean | null;
  /** Only answers to these instruments; null: every instrument. */
  instruments: readonly string[] | null;
  from: number | null;
  before: number | null;
  createdFrom: number | null;
  createdBefore: number | null;
  order: 'asc' | 'desc';
  sortBy: 'answered_at' | 'created_at';
  /** Keyset: rows after this (sort instant, id) in the order, the row itself included (its later parts). */
  startAt: { at: number; id: string } | null;
  limit: number;
}

const orEmpty = (list: readonly string[]) => (list.length === 0 ? [''] : [...list]);

function answersWhere(db: Db, s: AnswerSearch) {
  let q = clinicAnswers(db, s.clinicId).where('r.patient_id', '=', s.patientId);
  if (s.kind === 'observations')
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('r.total', 'is not', null), eb('r.instrument', 'in', orEmpty(s.totalOf))]),
        eb.and([eb('r.item9', 'is not', null), eb('r.instrument', 'in', orEmpty(s.item9Of))]),
      ]),
    );
  if (s.complete !== null) q = q.where('r.total', s.complete ? 'is not' : 'is', null);
  if (s.instruments !== null) q = q.where('r.instrument', 'in', orEmpty(s.instruments));
  if (s.from !== null) q = q.where('r.answered_at', '>=', s.from);
  if (s.before !== null) q = q.where('r.answered_at', '<', s.before);
  if (s.createdFrom !== null) q = q.where('r.created_at', '>=', s.createdFrom);
  if (s.createdBefore !== null) q = q.where('r.created_at', '<', s.createdBefore);
  return q;
}

/** The answer's columns, and the role of who entered it (a clinician in session is named as Practitioner). */
const answerAndRoleColumns = [...answerColumns, 'u.role as entered_role'] as const;

/**
 * What an Observation is built from: the answer's columns without its item answers (only a
 * QuestionnaireResponse carries them) and without the patient (the search names them), and the role of who
 * entered it. Issue 16: the 51 rows of a search read and convert a third fewer values.
 */
const observationColumns = [
  'r.id',
  'r.instrument',
  'r.total',
  'r.item9',
  'r.source',
  'r.entered_by',
  'r.answered_at',
  'r.created_at',
  'u.role as entered_role',
] as const;

/** A patient's scored answers in the search's order, from the keyset position (inclusive). */
export function searchAnswers(db: Db, s: AnswerSearch) {
  return pageQuery(db, s).select(answerAndRoleColumns).execute();
}
export type AnswerRow = Awaited<ReturnType<typeof searchAnswers>>[number];

/** A patient's answers giving Observations (Observation columns only), in the search's order, like searchAnswers. */
export function searchObservations(db: Db, s: AnswerSearch): Promise<ObservationRow[]> {
  if (!isLatestObservations(s)) return observationQuery(db, s).execute();
  const latest = latestObservationsOf(s.limit);
  return s.startAt === null
    ? latest.first(db, s.clinicId, s.patientId)
    : latest.from(db, s.clinicId, s.patientId, s.startAt.at, s.startAt.id);
}

const observationQuery = (db: Db, s: AnswerSearch) => pageQuery(db, s).select(observationColumns);
export type ObservationRow = Awaited<ReturnType<ReturnType<typeof observationQuery>['execute']>>[number];

/** The search's rows (no columns chosen), joined to who entered each, in order, from the keyset position. */
function pageQuery(db: Db, s: AnswerSearch) {
  let q = answersWhere(db, s).leftJoin('users as u', (j) =>
    j.onRef('u.id', '=', 'r.entered_by').onRef('u.clinic_id', '=', 'r.clinic_id'),
  );
  const col = s.sortBy === 'answered_at' ? ('r.answered_at' as const) : ('r.created_at' as const);
  const start = s.startAt;
  if (start)
    q = q.where((eb) =>
      s.order === 'desc'
        ? eb.or([eb(col, '<', start.at), eb.and([eb(col, '=', start.at), eb('r.id', '<=', start.id)])])
        : eb.or([eb(col, '>', start.at), eb.and([eb(col, '=', start.at), eb('r.id', '>=', start.id)])]),
    );
  return q.orderBy(col, s.order).orderBy('r.id', s.order).limit(s.limit);
}

// The search every EHR makes ("a patient's latest scores": Observations of every instrument, newest first, no
// other filter) is built and compiled once per page size (issue 16: building the Kysely query cost more than
// running it; a page size written into the SQL as a number, not bound, costs SQLite less per run:
// db/inline-limits.ts). Page sizes are at most MAX_COUNT + 1, so the compiled queries are few.
const everyTotal = instrumentList.map((i) => i.id);
const everyItem9 = instrumentList.filter((i) => i.safetyItemLinkId !== null).map((i) => i.id);
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const latestSearch = (clinicId: string, patientId: string, limit: number): AnswerSearch => ({
  clinicId,
  patientId,
  kind: 'observations',
  totalOf: everyTotal,
  item9Of: everyItem9,
  complete: null,
  instruments: null,
  from: null,
  before: null,
  createdFrom: null,
  createdBefore: null,
  order: 'desc',
  sortBy: 'answered_at',
  startAt: null,
  limit,
});
function isLatestObservations(s: AnswerSearch): boolean {
  return (
    s.kind === 'observations' &&
    sameList(s.totalOf, everyTotal) &&
    sameList(s.item9Of, everyItem9) &&
    s.complete === null &&
    s.instruments === null &&
    s.from === null &&
    s.before === null &&
    s.createdFrom === null &&
    s.createdBefore === null &&
    s.order === 'desc' &&
    s.sortBy === 'answered_at'
  );
}
interface LatestObservations {
  first: (db: Db, clinicId: string, patientId: string) => Promise<ObservationRow[]>;
  from: (db: Db, clinicId: string, patientId: string, at: number, id: string) => Promise<ObservationRow[]>;
}
const latestByLimit = new Map<number, LatestObservations>();
function latestObservationsOf(limit: number): LatestObservations {
  const known = latestByLimit.get(limit);
  if (known) return known;
  const made: LatestObservations = {
    first: compiledOnce((db: Db, clinicId: string, patientId: string) =>
      observationQuery(db, latestSearch(clinicId, patientId, limit)),
    ),
    from: compiledOnce((db: Db, clinicId: string, patientId: string, at: number, id: string) =>
      observationQuery(db, { ...latestSearch(clinicId, patientId, limit), startAt: { at, id } }),
    ),
  };
  latestByLimit.set(limit, made);
  return made;
}
const countLatestObservations = compiledOnce((db: Db, clinicId: string, patientId: string) =>
  countQuery(db, latestSearch(clinicId, patientId, 0)),
);

/** How many resources the search matches: answers, or (Observations) totals and item-9 answers counted apart. */
export async function countAnswerParts(db: Db, s: AnswerSearch): Promise<number> {
  const [row] = isLatestObservations(s)
    ? await countLatestObservations(db, s.clinicId, s.patientId)
    : await countQuery(db, s).execute();
  if (s.kind === 'responses') return Number(row?.rows ?? 0);
  return Number(row?.totals ?? 0) + Number(row?.item9s ?? 0);
}

function countQuery(db: Db, s: AnswerSearch) {
  return answersWhere(db, s).select((eb) => [
    eb.fn.countAll().as('rows'),
    eb.fn
      .count(eb.case().when('r.instrument', 'in', orEmpty(s.totalOf)).then(eb.ref('r.total')).end())
      .as('totals'),
    eb.fn
      .count(eb.case().when('r.instrument', 'in', orEmpty(s.item9Of)).then(eb.ref('r.item9')).end())
      .as('item9s'),
  ]);
}

export function answerById(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('questionnaire_responses as r')
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'r.entered_by').onRef('u.clinic_id', '=', 'r.clinic_id'),
    )
    .select(answerAndRoleColumns)
    .where('r.clinic_id', '=', clinicId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function clinicianById(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'status', 'version', 'updated_at'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .executeTakeFirst();
}

export function cliniciansOfClinic(db: Db, clinicId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'status', 'version', 'updated_at'])
    .where('clinic_id', '=', clinicId)
    .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
    .orderBy('id')
    .execute();
}

export function clinicById(db: Db, clinicId: string) {
  return db
    .selectFrom('clinics')
    .select(['id', 'name', 'created_at'])
    .where('id', '=', clinicId)
    .executeTakeFirst();
}

export function careTeamOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('care_team_members as m')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'm.user_id').onRef('u.clinic_id', '=', 'm.clinic_id'),
    )
    .select(['m.user_id', 'm.role', 'm.added_at', 'u.name'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .orderBy('m.added_at')
    .orderBy('m.user_id')
    .execute();
}

export function medicationsOf(db: Db, clinicId: string, patientId: string, ids: readonly string[] | null) {
  let q = clinicMedications(db, clinicId).where('m.patient_id', '=', patientId);
  if (ids !== null) q = q.where('m.id', 'in', ids.length === 0 ? [''] : [...ids]);
  return q.orderBy('m.start_date', 'desc').orderBy('m.id').execute();
}

export function medicationPatient(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('medications')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function periodsOf(db: Db, clinicId: string, medicationIds: readonly string[]) {
  if (medicationIds.length === 0) return Promise.resolve([]);
  return clinicPeriods(db, clinicId)
    .where('medication_id', 'in', [...medicationIds])
    .orderBy('starts_on')
    .orderBy('created_at')
    .execute();
}

export function appointmentsOf(
  db: Db,
  clinicId: string,
  patientId: string,
  ids: readonly string[] | null,
  from: number | null,
  before: number | null,
) {
  let q = clinicAppointments(db, clinicId).where('patient_id', '=', patientId);
  if (ids !== null) q = q.where('id', 'in', ids.length === 0 ? [''] : [...ids]);
  if (from !== null) q = q.where('starts_at', '>=', from);
  if (before !== null) q = q.where('starts_at', '<', before);
  return q.orderBy('starts_at').orderBy('id').execute();
}

export function appointmentPatient(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('appointments')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}
