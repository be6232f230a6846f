// A signature request the outbox delivers late (after the signatures) raises no "waiting for your signature"
// alert; one delivered in time still reaches whoever is still to sign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { body, buildPlanWorld, ifMatch, sign, startFromTemplate } from './plan.test-kit.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const signatureAlerts = (versionId: string) =>
  t.deps.database.db
    .selectFrom('alerts')
    .innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id')
    .select(['alerts.state', 'alert_recipients.user_id'])
    .where('alerts.subject_id', '=', versionId)
    .where('alerts.type', '=', 'plan_awaiting_signature')
    .execute();

describe('late signature requests', () => {
  it('a request delivered after both signatures raises no open alert', async () => {
    const w = await buildPlanWorld(t);
    const v1 = await startFromTemplate(t, w);
    const submitted = await call(t.app, w.ts, 'POST', `${w.planUrl}/draft/submit`, undefined, ifMatch(v1));
    expect(submitted.statusCode).toBe(200);
    expect(body(await sign(t, w, w.ts, v1)).status).toBe('awaiting_signatures');
    expect(body(await sign(t, w, w.ps, v1)).status).toBe('agreed');

    // The worker only now gets to the requests (the submit's and the one after the first signature).
    await deliverPendingEvents(t.deps);
    expect(await signatureAlerts(v1.id)).toEqual([]);
    const pending = await t.deps.database.db
      .selectFrom('outbox_events')
      .select('id')
      .where('patient_id', '=', w.patient.overview.id)
      .where('processed_at', 'is', null)
      .execute();
    expect(pending).toEqual([]);
  });

  it('a request delivered in time still reaches the one still to sign, and the last signature resolves it', async () => {
    const w = await buildPlanWorld(t);
    const v1 = await startFromTemplate(t, w);
    await call(t.app, w.ts, 'POST', `${w.planUrl}/draft/submit`, undefined, ifMatch(v1));
    expect(body(await sign(t, w, w.ts, v1)).status).toBe('awaiting_signatures');
    await deliverPendingEvents(t.deps);
    expect(await signatureAlerts(v1.id)).toEqual([{ state: 'open', user_id: w.prescriber.id }]);

    expect(body(await sign(t, w, w.ps, v1)).status).toBe('agreed');
    await deliverPendingEvents(t.deps);
    expect(await signatureAlerts(v1.id)).toEqual([{ state: 'resolved', user_id: w.prescriber.id }]);
  });
});
