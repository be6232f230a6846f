import type { Kysely } from 'kysely';

// Issue 15: when an admin deactivates a clinician and leaves a patient without them ("leave unassigned"), the
// reason they gave is kept on the care team's change record of that removal (who removed, when, why), so the
// patient page and the worklist can show "No therapist since <date>: <reason>" until someone takes the role.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('care_team_changes').addColumn('reason', 'text').execute();
  // The vacancy look-up: the latest removal per (patient, role).
  await db.schema
    .createIndex('care_team_changes_patient_role')
    .on('care_team_changes')
    .columns(['clinic_id', 'patient_id', 'role', 'at'])
    .execute();
  // Issue 15's worklist and registry (and issue 16's export keyset, migration 045): `clinic_id = ? and id in
  // (…caseload…)` on patients. Without planner statistics SQLite read every patient of the clinic through
  // (clinic_id, updated_at) (migration 041) instead of looking up the ids; with (clinic_id, id) it looks each
  // one up (docs/benchmarks.md, worklist).
  await db.schema.createIndex('patients_clinic_id').on('patients').columns(['clinic_id', 'id']).execute();
}
