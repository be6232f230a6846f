import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { Consult } from '../../../shared/messaging/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from './messaging.test-kit.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { PATIENT_CONSULTS_MAX } from '../../../shared/lists/limits.js';

let f: MessagingFixture;
let base: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/consults`;
});
afterAll(() => f.t.close());

const ask = (body: Record<string, unknown>) =>
  call(f.t.app, f.as.therapist, 'POST', base, {
    id: uuid(),
    toUserId: f.prescriber.id,
    priority: 'high',
    question: 'Reports sexual side effects on sertraline, thinking of stopping. Switch?',
    ...body,
  });

describe('consult requests', () => {
  let consult: Consult;

  it('the therapist asks the prescriber: event, detail-free email, ETag', async () => {
    const before = await f.t.deps.database.db.selectFrom('mail_outbox').select('id').execute();
    const res = await ask({});
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    consult = res.json<Consult>();
    expect(consult).toMatchObject({
      state: 'open',
      priority: 'high',
      version: 1,
      from: { userId: f.therapist.id, name: 'Tess Therapist' },
      to: { userId: f.prescriber.id, name: 'Pete Prescriber' },
      patientName: 'Zelda Quixotic',
      reply: null,
    });
    const event = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'consult.requested')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({
      consultId: consult.id,
      fromUserId: f.therapist.id,
      toUserId: f.prescriber.id,
      priority: 'high',
    });
    const mails = await f.t.deps.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', 'not in', before.length ? before.map((m) => m.id) : ['-'])
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([f.prescriber.email]);
    expect(`${mails[0]!.subject} ${mails[0]!.text_body}`).not.toMatch(/Zelda|Quixotic|sertraline|sexual/);
  });

  it('a retry with the same id returns the first consult', async () => {
    const id = uuid();
    const first = await ask({ id, priority: 'routine', question: 'Labs?' });
    const retry = await ask({ id, priority: 'routine', question: 'Labs?' });
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json<Consult>().id).toBe(id);
    const rows = await f.t.deps.database.db
      .selectFrom('consults')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('only another member of the care team can be asked', async () => {
    expect((await ask({ toUserId: f.outsider.id })).statusCode).toBe(400);
    expect((await ask({ toUserId: f.therapist.id })).statusCode).toBe(400);
    expect((await ask({ priority: 'whenever' })).statusCode).toBe(400);
  });

  it('both see it on the patient and in their own lists; the patient never does', async () => {
    const onPatient = await call(f.t.app, f.as.prescriber, 'GET', `${base}?state=open`);
    expect(onPatient.json<{ consults: Consult[] }>().consults.map((c) => c.id)).toContain(consult.id);
    const toMe = await call(f.t.app, f.as.prescriber, 'GET', '/api/consults?role=to&state=open');
    expect(toMe.json<{ consults: Consult[] }>().consults.map((c) => c.id)).toContain(consult.id);
    const fromMe = await call(f.t.app, f.as.therapist, 'GET', '/api/consults?role=from');
    expect(fromMe.json<{ consults: Consult[] }>().consults.map((c) => c.id)).toContain(consult.id);
    const askedOfTherapist = await call(f.t.app, f.as.therapist, 'GET', '/api/consults?role=to');
    expect(askedOfTherapist.json<{ consults: Consult[] }>().consults).toEqual([]);
    const outsider = await call(f.t.app, f.as.outsider, 'GET', '/api/consults');
    expect(outsider.json<{ consults: Consult[] }>().consults).toEqual([]);
    expect((await call(f.t.app, f.as.patient, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.patient, 'GET', '/api/consults')).statusCode).toBe(403);
  });

  it('the reply closes it; a stale If-Match gets 412 with the consult as it is; none gets 428', async () => {
    await deliverPendingEvents(f.t.deps);
    const openAlerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('subject_id', '=', consult.id)
      .execute();
    expect(openAlerts.map((a) => [a.type, a.severity, a.state])).toEqual([
      ['consult_request', 'high', 'open'],
    ]);

    const url = `${base}/${consult.id}/reply`;
    const reply = { reply: 'Try bupropion augmentation; I will see them Monday.' };
    expect((await call(f.t.app, f.as.therapist, 'POST', url, reply, { 'if-match': '"1"' })).statusCode).toBe(
      403,
    );
    expect((await call(f.t.app, f.as.prescriber, 'POST', url, reply)).statusCode).toBe(428);
    const ok = await call(f.t.app, f.as.prescriber, 'POST', url, reply, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<Consult>()).toMatchObject({
      state: 'closed',
      version: 2,
      reply: reply.reply,
      closedBy: { userId: f.prescriber.id },
    });
    const stale = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      { reply: 'again' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { details: { current: Consult } } }>().error.details.current.reply).toBe(
      reply.reply,
    );
    const closedAgain = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      { reply: 'again' },
      { 'if-match': '"2"' },
    );
    expect(closedAgain.statusCode).toBe(409);

    const alerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('subject_id', '=', consult.id)
      .execute();
    expect(alerts.map((a) => [a.state, a.resolution_note])).toEqual([['resolved', 'Consult answered']]);
    const mine = await call(f.t.app, f.as.therapist, 'GET', '/api/consults?role=from&state=closed');
    expect(mine.json<{ consults: Consult[] }>().consults.map((c) => c.id)).toContain(consult.id);
  });

  it('either side can close without a reply; the read and the changes are audited', async () => {
    const res = await ask({ priority: 'urgent', question: 'Lithium level?' });
    const c = res.json<Consult>();
    const got = await call(f.t.app, f.as.prescriber, 'GET', `${base}/${c.id}`);
    expect(got.headers.etag).toBe('"1"');
    const closed = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `${base}/${c.id}/close`,
      { note: 'Asked in person' },
      { 'if-match': '1' },
    );
    expect(closed.json<Consult>()).toMatchObject({
      state: 'closed',
      closeNote: 'Asked in person',
      reply: null,
    });
    expect(
      (await call(f.t.app, f.as.careManager, 'POST', `${base}/${c.id}/close`, {}, { 'if-match': '2' }))
        .statusCode,
    ).toBe(403);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'consult.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'consult.create',
        'consult.list',
        'consult.list_mine',
        'consult.read',
        'consult.reply',
        'consult.close',
      ]),
    );
  });
});

describe('one patient’s consults are bounded (issue 19)', () => {
  it('a limit above the maximum is a 400 naming it; a small limit answers open ones first, with hasMore', async () => {
    f.t.clock.advance(60_000);
    expect((await ask({ question: 'Newest, still open?' })).statusCode).toBe(201);
    expectLimitRefused(
      await call(f.t.app, f.as.prescriber, 'GET', `${base}?limit=${String(PATIENT_CONSULTS_MAX + 1)}`),
      PATIENT_CONSULTS_MAX,
    );
    const all = (await call(f.t.app, f.as.prescriber, 'GET', base)).json<{
      consults: Consult[];
      hasMore: boolean;
    }>();
    expect(all.consults.length).toBeGreaterThan(1);
    expect(all.hasMore).toBe(false);
    const cut = (await call(f.t.app, f.as.prescriber, 'GET', `${base}?limit=1`)).json<{
      consults: Consult[];
      hasMore: boolean;
    }>();
    expect(cut.hasMore).toBe(true);
    expect(cut.consults).toHaveLength(1);
    expect(cut.consults[0]).toMatchObject({ state: 'open', id: all.consults[0]?.id });
  });
});
