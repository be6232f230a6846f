import type { Db } from '../../db/database.js';

// medication_changes is the medications feature's table: the side-effects feature links its report to a
// change through the medications face (issue 18: a feature's tables are written only by its own repository).
/** Links a change to the report it answers when the change flow did not (never overwrites another link). */
export async function linkChangeToReport(db: Db, clinicId: string, changeId: string, reportId: string) {
  await db
    .updateTable('medication_changes')
    .set({ side_effect_report_id: reportId })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', changeId)
    .where('side_effect_report_id', 'is', null)
    .execute();
}
