import { localDate } from '../../shared/time/index.js';
import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import { instrumentById, type InstrumentId } from '../../shared/measures/instruments.js';
import { scoreAnswers } from '../../shared/measures/scoring.js';
import { submitResponse } from '../features/measures/measures.service.js';
import { insertResponse } from '../features/measures/responses.repository.js';
import { patientBasics } from '../platform/patients/patient-basics.js';

const WEEK_MS = 7 * 86_400_000;

/** Item answers (0-3) that add up to `total`, filled from item 1 on; item 9 (PHQ-9) stays 0 unless given. */
function itemsFor(instrument: InstrumentId, total: number, item9 = 0): number[] {
  const n = instrumentById(instrument).items.length;
  const items = new Array<number>(n).fill(0);
  const scored = instrument === 'phq9' ? n - 1 : n;
  let left = total - item9;
  for (let i = 0; left > 0; i = (i + 1) % scored) {
    if ((items[i] ?? 0) < 3) {
      items[i] = (items[i] ?? 0) + 1;
      left--;
    }
  }
  if (instrument === 'phq9') items[n - 1] = item9;
  return items;
}

/** PHQ-9 and GAD-7 totals by week in treatment (week 0 = baseline), answered by the patient. */
interface History {
  weeks: number[];
  phq9: number[];
  gad7: number[];
}

/**
 * The registry's demo states (issue 5): Maya reaches remission, Tom is at week 11 with a 30% fall (not
 * improving: review treatment), Sam responds (>= 50% fall) and today answers PHQ-9 item 9 above 0.
 * History rows are written directly (past answers raise no alerts); today's answer goes through the
 * real service, so the urgent alert and the crisis path are real.
 */
export async function seedDemoMeasures(
  deps: AppDeps,
  clinicId: string,
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const [sam, maya, tom] = patients;
  const now = deps.clock.now();
  const histories: [typeof sam, History][] = [
    [sam, { weeks: [8, 6, 4, 2], phq9: [21, 18, 15, 12], gad7: [14, 12, 11, 9] }],
    [maya, { weeks: [12, 10, 8, 6, 4, 2, 0], phq9: [16, 12, 9, 7, 5, 4, 3], gad7: [13, 11, 9, 7, 6, 4, 3] }],
    [tom, { weeks: [11, 9, 7, 5, 3, 1], phq9: [20, 19, 17, 16, 15, 14], gad7: [12, 12, 11, 11, 10, 10] }],
  ];
  for (const [p, h] of histories) {
    if (!p) continue;
    const tz = (await patientBasics(deps.database.db, clinicId, p.patientId))?.timeZone ?? 'UTC';
    for (const instrument of ['phq9', 'gad7'] as const) {
      const totals = h[instrument];
      for (const [i, weeksAgo] of h.weeks.entries()) {
        const total = totals[i] ?? 0;
        const answeredAt = now - weeksAgo * WEEK_MS - 3_600_000;
        const items = itemsFor(instrument, total);
        const score = scoreAnswers(instrumentById(instrument), { items });
        await insertResponse(deps.database.db, {
          id: newId(),
          clinic_id: clinicId,
          patient_id: p.patientId,
          instrument,
          instrument_version: instrumentById(instrument).version,
          answers: JSON.stringify({ items, functional: instrument === 'phq9' ? 1 : null }),
          total: score.total,
          severity: score.severity?.code ?? null,
          item9: score.safetyItem,
          source: 'patient',
          answered_at: answeredAt,
          answered_day: localDate(answeredAt, tz),
          entered_by: p.userId,
          created_at: answeredAt,
        });
      }
    }
  }
  if (sam) {
    // Sam's answer today: total 9 (a 57% fall from 21, a response) with item 9 = "Several days".
    await submitResponse(
      deps,
      {
        userId: sam.userId,
        role: 'patient',
        clinicId,
        patientId: sam.patientId,
        sessionIdHash: '',
        csrfToken: '',
      },
      sam.patientId,
      { id: newId(), instrument: 'phq9', answers: { items: itemsFor('phq9', 9, 1), functional: 1 } },
    );
  }
}
