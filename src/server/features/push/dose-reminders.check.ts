import type { AppDeps } from '../../platform/deps.js';
import { addDays, localDate } from '../../../shared/time/index.js';
import { expandScheduledDoses } from '../../../shared/medications/schedule.js';
import { loadRegimens } from '../medications/index.js';
import { loggedDoseKeys } from '../doses/index.js';
import * as repo from './push.repository.js';
import { serverKeys } from './server-keys.js';
import { pushRequester } from './queue.js';
import { timeSlices } from '../../platform/single-flight.js';

/** As the email reminder: at dose time; after downtime, doses more than 30 minutes past are not pushed. */
export const DOSE_PUSH_WINDOW_MS = 30 * 60_000;

/**
 * Dose reminders by push (issue 17): for patients who turned them on and have a subscription, one
 * `push.requested` per due dose not yet logged ("Time for your 8:00 medicine", never the drug). The outbox
 * dedupe key (patient + dose key) makes reruns and a second instance harmless. Also makes the server's VAPID
 * keys on the first run after start, so the public key is ready before anyone asks.
 */
export async function checkDosePushes(deps: AppDeps): Promise<void> {
  await serverKeys(deps);
  const db = deps.database.db;
  const now = deps.clock.now();
  const request = pushRequester(deps.clock);
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms (many patients share a dose time).
  const slices = timeSlices();
  for (const clinicId of await repo.clinicsWithPush(db)) {
    const patients = await repo.patientsWantingDosePush(db, clinicId);
    if (patients.length === 0) continue;
    const regimens = await loadRegimens(
      db,
      clinicId,
      patients.map((p) => p.id),
    );
    for (const p of patients) {
      await slices.maybeYield();
      const today = localDate(now, p.time_zone);
      const yesterday = addDays(today, -1);
      const due = (regimens.get(p.id) ?? [])
        .flatMap((r) => expandScheduledDoses(r, yesterday, today, p.time_zone))
        .filter((d) => d.dueAt <= now && d.dueAt > now - DOSE_PUSH_WINDOW_MS);
      if (due.length === 0) continue;
      const logged = await loggedDoseKeys(db, clinicId, [p.id], yesterday);
      const fresh = due.filter((d) => !logged.has(d.doseKey));
      if (fresh.length === 0) continue;
      // The commit's disk flush runs off the event loop; the next patient waits until it is durable.
      await deps.database.durableTransaction(async (trx) => {
        for (const d of fresh)
          await request(trx, {
            clinicId,
            patientId: p.id,
            userIds: [p.user_id],
            message: { kind: 'doses', time: d.localTime, doseKey: d.doseKey },
            dedupeKey: `push:dose:${p.id}:${d.doseKey}`,
          });
      });
    }
  }
}
