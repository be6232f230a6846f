import type { CarePlan } from '@medplum/fhirtypes';
import { toCarePlan } from '../../../../shared/fhir/mappings/care-plan.js';
import { toGoal } from '../../../../shared/fhir/mappings/goal.js';
import { toCondition } from '../../../../shared/fhir/mappings/condition.js';
import { toAllergyIntolerance } from '../../../../shared/fhir/mappings/allergy-intolerance.js';
import { toMedicationStatement } from '../../../../shared/fhir/mappings/medication-statement.js';
import { toCommunication } from '../../../../shared/fhir/mappings/communication.js';
import { toAuditEvent } from '../../../../shared/fhir/mappings/audit-event.js';
import { planContentSchema } from '../../../../shared/treatment-plans/schemas.js';
import * as repo from './export.repository.js';
import { emitIf, groupBy, reaches, type ExportRun } from './export-run.js';

// Issue 16: the care records beyond scores and prescriptions, exported through the same pure mappings the
// read and search use (plans.handlers, records.handlers, patient-events.handlers), in keyset pages.

/** A page of keyed rows: emit each, then note the page; false once the job stops. */
async function paged<T>(
  run: ExportRun,
  type: Parameters<ExportRun['afterPage']>[0],
  page: (after: string) => Promise<T[]>,
  keyOf: (row: T) => string,
  each: (row: T) => Promise<void>,
): Promise<boolean> {
  let after = '';
  for (;;) {
    const rows = await page(after);
    const last = rows.at(-1);
    if (!last) return true;
    for (const row of rows) await each(row);
    if (!(await run.afterPage(type))) return false;
    if (rows.length < run.batch) return true;
    after = keyOf(last);
  }
}

/** The patient's agreed versions (newest first) read as the plan read reads them; null when one is unreadable. */
function agreedVersions(rows: readonly repo.ExportPlanVersionRow[]) {
  const parsed = rows.map((row) => ({ row, content: planContentSchema.safeParse(safeJson(row.content)) }));
  return parsed.map(({ row, content }, i) => ({
    row,
    content: content.success ? content.data : null,
    agreedAt: row.agreed_at ?? row.updated_at,
    replacesId: rows[i + 1]?.id ?? null,
    endedAt: i === 0 ? null : (rows[i - 1]?.agreed_at ?? null),
  }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Every agreed plan version (in force or replaced) as a CarePlan, with its goals (Goal) and problems (Condition):
 * a replaced version's CarePlan names its goals, so they are exported too (a read by id answers them alike).
 * Drafts are never read.
 */
export async function exportPlans(run: ExportRun): Promise<boolean> {
  let after = '';
  for (;;) {
    const patients = await repo.planPatientsPage(run.db, run.clinicId, after, run.batch);
    const last = patients.at(-1);
    if (!last) return true;
    const rows = await repo.agreedVersionsOfRange(run.db, run.clinicId, after, last.patient_id);
    for (const [patientId, own] of groupBy(rows, (r) => r.patient_id)) {
      if (!reaches(run, patientId)) continue;
      for (const v of agreedVersions(own)) {
        if (v.content === null) {
          await run.unreadable(
            run.wants('CarePlan') ? 'CarePlan' : run.wants('Goal') ? 'Goal' : 'Condition',
            v.row.id,
          );
          continue;
        }
        const common = { version: v.row.version, updatedAt: v.row.updated_at, agreedAt: v.agreedAt };
        if (run.wants('CarePlan')) {
          const plan: CarePlan = toCarePlan({
            id: v.row.id,
            planId: v.row.plan_id,
            patientId,
            number: v.row.number,
            status: v.row.status,
            content: v.content,
            endedAt: v.endedAt,
            replacesId: v.replacesId,
            ...common,
          });
          await emitIf(run, plan, patientId);
        }
        if (run.wants('Goal'))
          for (const goal of v.content.goals) {
            const g = toGoal({ versionId: v.row.id, patientId, goal, ...common });
            if (g) await emitIf(run, g, patientId);
          }
        if (run.wants('Condition'))
          for (const problem of v.content.problems) {
            const c = toCondition({
              versionId: v.row.id,
              patientId,
              problem,
              planStatus: v.row.status,
              ...common,
            });
            if (c) await emitIf(run, c, patientId);
          }
      }
    }
    if (!(await run.afterPage(run.wants('CarePlan') ? 'CarePlan' : run.wants('Goal') ? 'Goal' : 'Condition')))
      return false;
    if (patients.length < run.batch) return true;
    after = last.patient_id;
  }
}

/** The allergies of the patients' medication-safety profiles. */
export function exportAllergies(run: ExportRun): Promise<boolean> {
  return paged(
    run,
    'AllergyIntolerance',
    (after) => repo.allergiesPage(run.db, run.clinicId, after, run.batch),
    (a) => a.id,
    async (a) => {
      if (!reaches(run, a.patient_id)) return;
      await emitIf(
        run,
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
        a.patient_id,
      );
    },
  );
}

/** Each logged dose (taken or skipped) as a MedicationStatement. */
export function exportDoses(run: ExportRun): Promise<boolean> {
  return paged(
    run,
    'MedicationStatement',
    (after) => repo.dosesPage(run.db, run.clinicId, after, run.batch),
    (d) => d.id,
    async (d) => {
      if (!reaches(run, d.patient_id)) return;
      await emitIf(
        run,
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
        }),
        d.patient_id,
      );
    },
  );
}

/** Messages between patients and their care teams; the care team's own thread is never read. */
export function exportMessages(run: ExportRun): Promise<boolean> {
  return paged(
    run,
    'Communication',
    (after) => repo.patientMessagesPage(run.db, run.clinicId, after, run.batch),
    (m) => m.id,
    async (m) => {
      if (!reaches(run, m.patient_id)) return;
      await emitIf(
        run,
        toCommunication({
          id: m.id,
          patientId: m.patient_id,
          conversationId: m.conversation_id,
          subject: m.subject,
          authorId: m.author_id,
          authorRole: m.author_role,
          body: m.body,
          createdAt: m.created_at,
        }),
        m.patient_id,
      );
    },
  );
}

/** The patients' access reports as AuditEvents, in the chain's order (its key, `seq`). */
export async function exportAccess(run: ExportRun): Promise<boolean> {
  let after = -1;
  for (;;) {
    const rows = await repo.accessEventsPage(
      run.db,
      run.clinicId,
      after,
      run.since ?? -1,
      run.until,
      run.jobId,
      run.batch,
    );
    const last = rows.at(-1);
    if (!last) return true;
    // A list read is one event naming its patients (migration 052): one AuditEvent per patient it showed, with
    // the id its entry has in that patient's access report (`L<seq>-<patient id>`, audit_patient_events).
    const listed = new Map<number, string[]>();
    if (rows.some((a) => a.patient_count != null))
      for (const p of await repo.listedPatients(run.db, run.clinicId, after, last.seq)) {
        const seq = p.event_seq;
        const ids = listed.get(seq);
        if (ids) ids.push(p.patient_id);
        else listed.set(seq, [p.patient_id]);
      }
    const entries = rows.flatMap((a) =>
      a.patient_id !== null
        ? [{ a, id: a.id, patientId: a.patient_id }]
        : (listed.get(a.seq) ?? []).map((patientId) => ({
            a,
            id: `L${String(a.seq)}-${patientId}`,
            patientId,
          })),
    );
    for (const { a, id, patientId } of entries) {
      if (!reaches(run, patientId)) continue;
      await emitIf(
        run,
        toAuditEvent(
          {
            id,
            clinicId: a.clinic_id,
            patientId,
            at: a.at,
            actorId: a.actor_id ?? '',
            actorRole: a.actor_role,
            actorName: a.actor_name,
            action: a.action,
            outcome: a.outcome,
          },
          run,
        ),
        patientId,
      );
    }
    if (!(await run.afterPage('AuditEvent'))) return false;
    if (rows.length < run.batch) return true;
    after = last.seq;
  }
}
