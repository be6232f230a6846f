// Two years of PHQ-9 and GAD-7 for every patient of a generated clinic (bench/generate-clinic.ts), written in
// bulk the way the measures feature stores them: one answer every 2-4 weeks, trajectories that remit,
// respond, stall or worsen, about 1 in 10 entered in session. Deterministic from the clinic's size.
import type { Database } from '../src/server/db/database.js';
import type { QuestionnaireResponseTable } from '../src/server/db/schema-measures.js';
import { newId } from '../src/server/platform/ids.js';
import { rebuildMeasureSummaries } from '../src/server/features/measures/summaries.repository.js';
import { rebuildLastContacts } from '../src/server/features/last-contact/last-contact.repository.js';
import { seededRandom } from './synthetic.js';

const DAY_MS = 86_400_000;
const BATCH_ROWS = 500;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));

/** Inserts the questionnaires; returns how many rows were written. */
export async function generateQuestionnaires(
  database: Database,
  clinicId: string,
  now: number,
  years = 2,
): Promise<number> {
  const patients = await database.db
    .selectFrom('patients')
    .select(['id', 'user_id'])
    .where('clinic_id', '=', clinicId)
    .orderBy('id')
    .execute();
  const random = seededRandom(patients.length * 7919);
  let written = 0;
  await database.transaction(async (trx) => {
    let batch: QuestionnaireResponseTable[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await trx.insertInto('questionnaire_responses').values(batch).execute();
      written += batch.length;
      batch = [];
    };
    for (const p of patients) {
      const baseline = 10 + random() * 14;
      // Where the patient ends up: remission, response, partial, stalled or worse.
      const target = baseline * ([0.15, 0.45, 0.7, 0.95, 1.3][Math.floor(random() * 5)] ?? 1);
      const start = now - years * 365 * DAY_MS + Math.floor(random() * 60) * DAY_MS;
      for (let at = start, i = 0; at < now; at += (14 + Math.floor(random() * 15)) * DAY_MS, i++) {
        const progress = Math.min(1, (at - start) / (180 * DAY_MS));
        const phq = clamp(baseline + (target - baseline) * progress + (random() - 0.5) * 4, 27);
        const source = random() < 0.1 ? 'in_session' : 'patient';
        for (const [instrument, total] of [
          ['phq9', phq],
          ['gad7', clamp(phq * 0.75 + (random() - 0.5) * 3, 21)],
        ] as const) {
          batch.push({
            id: newId(),
            clinic_id: clinicId,
            patient_id: p.id,
            instrument,
            instrument_version: '1',
            answers: JSON.stringify({ items: [], functional: null }),
            total,
            severity: null,
            item9: instrument === 'phq9' ? 0 : null,
            source,
            answered_at: at + i,
            answered_day: day(at),
            entered_by: p.user_id,
            created_at: at + i,
          });
          if (batch.length >= BATCH_ROWS) await flush();
        }
      }
    }
    await flush();
    await rebuildMeasureSummaries(trx, clinicId);
    await rebuildLastContacts(trx, clinicId);
  });
  return written;
}
