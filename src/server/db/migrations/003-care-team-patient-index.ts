import type { Kysely } from 'kysely';

// Every overview and caseload loads care teams by (clinic, patient); without this index both engines
// scanned the whole clinic's team rows (found by bench/, see docs/benchmarks.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('care_team_members_patient')
    .on('care_team_members')
    .columns(['clinic_id', 'patient_id'])
    .execute();
}
