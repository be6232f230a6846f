import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlanProbe, type PlanProbe } from '../../testing/query-plans.test-kit.js';
import * as repo from './access-report.repository.js';

// Issue 19 (migration 051): a patient's audit events have one per-patient index, (clinic_id, patient_id, at).
// The access report's reads must stay on it: the reads in chain order sort the patient's rows (`seq + 0`)
// rather than walk the clinic's whole chain by its primary key (clinic_id, seq). SQLite's plan, on the real
// schema; each read is run through the repository and its SQL asked for its plan.

let probe: PlanProbe;

beforeAll(async () => {
  probe = await openPlanProbe();
});

afterAll(() => probe.close());

const scope = { clinicId: 'c1', patientId: 'p1', excludeActorId: 'u9' };

describe("the access report reads a patient's events through (clinic_id, patient_id, at)", () => {
  it.each([
    ['the newest event before an instant', () => repo.newestEventBefore(probe.db, scope, 1_000)],
    ['one day grouped', () => repo.groupsBetween(probe.db, scope, 0, 1_000)],
    [
      'the times of one line, after a cursor',
      () =>
        repo.timesOfLine(probe.db, scope, {
          actorId: 'u1',
          outcome: 'allowed',
          action: 'patient.read',
          from: 0,
          to: 1_000,
          beforeSeq: 50,
          limit: 51,
        }),
    ],
  ])('%s', async (_name, run) => {
    const plan = await probe.planOf(run);
    expect(plan).toContain('audit_events_patient_at (clinic_id=? AND patient_id=?');
    // The list reads that showed the patient (migration 052): the side table's key, then each event by its key.
    expect(plan).toContain('SEARCH p USING PRIMARY KEY (clinic_id=? AND patient_id=?)');
    expect(plan).toMatch(/SEARCH a USING INDEX sqlite_autoindex_audit_events_\d \(clinic_id=\? AND seq=\?\)/);
    // The list reads kept event first (migration 054): the patient's (actor, day) rows, that actor's list events
    // of each day, and one key look-up each in the event-first table.
    expect(plan).toContain('SEARCH d USING PRIMARY KEY (clinic_id=? AND patient_id=?');
    expect(plan).toContain(
      'SEARCH e USING INDEX audit_events_list_by_actor (clinic_id=? AND actor_id=? AND at>? AND at<?)',
    );
    expect(plan).toContain('SEARCH l USING PRIMARY KEY (clinic_id=? AND event_seq=? AND patient_id=?)');
    // Never the chain's own key on the clinic alone, nor a whole table: that would read every event of the clinic.
    expect(plan).not.toMatch(
      /sqlite_autoindex_audit_events_\d \(clinic_id=\?\)|SCAN (audit_events|p|d|e|l)\b/,
    );
  });

  it('migration 051 left one per-patient index', () => {
    const names = (
      probe.raw
        .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'audit_events'")
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(names).toContain('audit_events_patient_at');
    expect(names).not.toContain('audit_events_patient');
  });
});
