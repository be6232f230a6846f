import { GENESIS_HASH, contentOfColumns, hashOfContent, macOfContent } from './audit-chain.js';
import type { ChainHead } from './audit-checkpoint.js';
import type { AuditKeyRing } from './audit-keys.js';
import { STRAY_PATIENTS_ID, type RawEvent } from './audit-verify.repository.js';

/** What verifying one clinic's chain needs to know of the checkpoint (plain data: it crosses to workers). */
export interface ClinicCheck {
  clinicId: string;
  head: ChainHead | null;
  /** Whether a checkpoint exists at all (then an unkeyed event past its head is forged), and when it was written. */
  checkpointAt: number | null;
}

export interface ClinicResult {
  events: number;
  beforeKeyedHashing: number;
  /** The first bad event, and how many of this clinic's events were read up to it. */
  failure: { seq: number; reason: string; events: number } | null;
}

function when(at: number): string {
  return new Date(at).toISOString();
}

/**
 * One clinic's chain, in order: a missing or reordered event, a broken link, content or an HMAC that does not
 * match the key, an unkeyed event after keyed hashing began, a chain that differs from or is shorter than the
 * checkpoint. Runs on the main thread or on a verification worker (audit-verify-worker.ts).
 */
export async function verifyClinicChain(
  pages: AsyncIterable<RawEvent[]>,
  keys: AuditKeyRing,
  check: ClinicCheck,
): Promise<ClinicResult> {
  const { head, checkpointAt } = check;
  const hasCheckpoint = checkpointAt !== null;
  let events = 0;
  let beforeKeyedHashing = 0;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let keyed = false;
  // The key of the previous event is most often the key of this one: one map lookup per key change.
  let lastKeyId: string | null = null;
  let lastKey = keys.current;
  const fail = (seq: number, reason: string): ClinicResult => ({
    events,
    beforeKeyedHashing,
    failure: { seq, reason, events },
  });
  for await (const page of pages) {
    for (const row of page) {
      events++;
      const seq = row[0];
      const prev = row[10];
      const hash = row[11];
      const hashKeyId = row[12];
      if (row[1] === STRAY_PATIENTS_ID)
        return fail(seq, 'patients recorded for a list event that is not in the chain (added)');
      if (seq !== expectedSeq) return fail(expectedSeq, 'event missing from the chain');
      if (prev !== prevHash) return fail(seq, 'previous-hash link does not match (removed or reordered)');
      // A list event (migration 052): its MAC covers its patients, read back from audit_listed_patients.
      const count = row[13];
      const patientIds = row[14];
      if (count === null && patientIds !== null)
        return fail(seq, 'patients attached to an event that lists none (side rows added)');
      if (count !== null && (patientIds?.length ?? 0) !== count)
        return fail(
          seq,
          `the list event's patients (${String(patientIds?.length ?? 0)}) differ from its count (${String(count)}): side rows removed or added`,
        );
      const text = contentOfColumns(
        check.clinicId,
        seq,
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        count === null ? null : { count, patientIds: patientIds ?? [] },
      );
      if (hashKeyId === null) {
        if (keyed) return fail(seq, 'event without HMAC after keyed hashing began (forged or downgraded)');
        if (head?.keyedFrom != null && seq >= head.keyedFrom)
          return fail(seq, 'event without HMAC where the checkpoint recorded keyed events (rewritten)');
        if (hasCheckpoint && (!head || seq > head.seq))
          return fail(seq, 'event without HMAC written after a checkpoint (forged)');
        if (hashOfContent(prev, text) !== hash) return fail(seq, 'event content was changed');
        beforeKeyedHashing++;
      } else {
        keyed = true;
        if (hashKeyId !== lastKeyId) {
          const key = keys.byId.get(hashKeyId);
          if (!key) return fail(seq, `event signed with an unknown key (${hashKeyId})`);
          lastKey = key;
          lastKeyId = hashKeyId;
        }
        if (macOfContent(lastKey, prev, text) !== hash)
          return fail(seq, 'HMAC does not match: event changed or forged');
      }
      // Migration 054: each patient of a list event must be in the (patient, actor, day) index, or the read is
      // hidden from that patient's access report.
      if (row[15] !== null)
        return fail(
          seq,
          `a list read is missing from patient ${row[15]}'s day index: removed, it hides the read from their access report`,
        );
      if (head && seq === head.seq && hash !== head.hash)
        return fail(seq, `chain differs from the checkpoint of ${when(checkpointAt ?? 0)} (rewritten)`);
      prevHash = hash;
      expectedSeq++;
    }
  }
  if (head && expectedSeq - 1 < head.seq)
    return fail(
      expectedSeq,
      expectedSeq === 1
        ? `the clinic's whole chain is gone; the checkpoint of ${when(checkpointAt ?? 0)} counted ${String(head.seq)} events`
        : `events missing from the end: the checkpoint of ${when(checkpointAt ?? 0)} counted ${String(head.seq)}, the chain has ${String(expectedSeq - 1)}`,
    );
  return { events, beforeKeyedHashing, failure: null };
}
