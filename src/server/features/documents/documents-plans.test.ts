import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPlanProbe, type PlanProbe } from '../../testing/query-plans.test-kit.js';
import { accessEventRows } from './documents.repository.js';

// Issue 19 (migration 051): a patient's audit events have one per-patient index, (clinic_id, patient_id, at).
// The documents' access trail reads them in chain order by sorting the patient's rows (`seq + 0`), never by
// walking the clinic's whole chain on its primary key (clinic_id, seq). SQLite's plan, on the real schema.

let probe: PlanProbe;

beforeAll(async () => {
  probe = await openPlanProbe();
});

afterAll(() => probe.close());

it("the documents' access trail reads the patient's events through (clinic_id, patient_id, at)", async () => {
  const plan = await probe.planOf(() => accessEventRows(probe.db, 'c1', 'p1', 'u9'));
  expect(plan).toContain('audit_events_patient_at (clinic_id=? AND patient_id=?)');
  // The list reads that showed the patient (migration 052's view) come from the side table's key.
  expect(plan).toContain('SEARCH p USING PRIMARY KEY (clinic_id=? AND patient_id=?)');
  // The list reads kept event first (migration 054): through the (patient, actor, day) index, by key only.
  expect(plan).toContain('SEARCH d USING PRIMARY KEY (clinic_id=? AND patient_id=?)');
  expect(plan).toContain('SEARCH e USING INDEX audit_events_list_by_actor (clinic_id=? AND actor_id=?');
  expect(plan).toContain('SEARCH l USING PRIMARY KEY (clinic_id=? AND event_seq=? AND patient_id=?)');
  expect(plan).not.toMatch(/sqlite_autoindex_audit_events_\d \(clinic_id=\?\)|SCAN (audit_events|p|d|e|l)\b/);
});
