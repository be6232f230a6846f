import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type {
  PracticeAssignment,
  PracticeEntry,
  PracticeOverview,
} from '../../../shared/practice/schemas.js';
import { listTemplates, startPlan } from '../treatment-plans/index.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let base: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/practice`;
});
afterAll(() => f.t.close());

describe("the interpersonal log follows the plan's IPT focus", () => {
  it('reads the problem area from the plan and ties every entry to it', async () => {
    const before = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(before.json<PracticeOverview>().planIptProblemArea).toBeNull();

    // The bipolar template is IPT with "role transitions" as its problem area.
    const templates = await listTemplates(f.t.deps, f.therapist.actor);
    const ipt = templates.find((t) => t.content.therapy.modality === 'IPT');
    expect(ipt?.content.therapy.iptProblemArea).toBe('role_transitions');
    await startPlan(f.t.deps, f.therapist.actor, f.patient.overview.id, { templateId: ipt?.id });

    const overview = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(overview.json<PracticeOverview>().planIptProblemArea).toBe('role_transitions');
    const assigned = await call(f.t.app, f.as.therapist, 'POST', `${base}/assignments`, {
      id: uuid(),
      type: 'ipt_log',
      frequency: { kind: 'weekly', timesPerWeek: 1 },
      dueDay: '2026-12-01',
    });
    expect(assigned.statusCode).toBe(201);
    const assignment = assigned.json<PracticeAssignment>();
    expect(assignment).toMatchObject({ iptProblemArea: 'role_transitions', defaultSharing: 'therapist' });

    // The patient cannot file the log under another area.
    const saved = await call(f.t.app, f.as.patient, 'PUT', `${base}/entries/${uuid()}`, {
      assignmentId: assignment.id,
      content: { problemArea: 'grief', whatHappened: 'Talked with my new manager' },
      done: true,
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json<PracticeEntry>()).toMatchObject({
      type: 'ipt_log',
      sharing: 'therapist',
      status: 'done',
      content: { problemArea: 'role_transitions' },
    });
    // Therapist-only by default: the prescriber's list is empty, the therapist's is not.
    const prescriber = await call(f.t.app, f.as.prescriber, 'GET', `${base}/entries`);
    expect(prescriber.json<{ entries: PracticeEntry[] }>().entries).toEqual([]);
    const therapist = await call(f.t.app, f.as.therapist, 'GET', `${base}/entries`);
    expect(therapist.json<{ entries: PracticeEntry[] }>().entries).toHaveLength(1);
  });
});
