import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  type BuiltPatient,
  type BuiltUser,
} from './testing/factories.js';
import { runScheduledChecks, startBackground } from './background.js';
import { singleFlight } from './platform/single-flight.js';
import { emitEvent } from './platform/outbox/emit.js';
import { deliverPendingEvents } from './platform/outbox/worker.js';

// Issue 19: background work never stalls the server and never overlaps itself.

let t: TestContext;
let clinicId: string;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinicId, 'therapist');
  prescriber = await buildUser(t.deps, clinicId, 'prescriber');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
});
afterAll(() => t.close());

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('single-flight ticks', () => {
  it('a slow run and several ticks make one run; the others are counted as skipped', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const job = singleFlight(
      async () => {
        runs++;
        await new Promise<void>((resolve) => (release = resolve));
      },
      () => undefined,
    );
    const first = job.tick();
    const later = await Promise.all([job.tick(), job.tick(), job.tick()]);
    expect(later).toEqual([false, false, false]);
    expect(runs).toBe(1);
    expect(job.skipped()).toBe(3);
    release();
    expect(await first).toBe(true);
    expect(job.current()).toBeNull();
    const again = job.tick();
    release();
    expect(await again).toBe(true);
    expect(runs).toBe(2);
  });

  it('a failing run is reported and does not block the next tick', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const job = singleFlight(
      () => {
        runs++;
        return Promise.reject(new Error('check failed'));
      },
      (err) => errors.push(err),
    );
    expect(await job.tick()).toBe(true);
    expect(await job.tick()).toBe(true);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('the background runner never starts a second run while a slow check is going', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const slowCheck = async () => {
      runs++;
      active++;
      maxActive = Math.max(maxActive, active);
      // Held until the runner has skipped several ticks (a fixed wait was too short on a loaded CI machine).
      await new Promise<void>((resolve) => (release = resolve));
      active--;
    };
    // Ticks every 5 ms and checks due on every tick: without single-flight every tick would start a run.
    const background = startBackground(t.deps, () => undefined, {
      deliveryEveryMs: 5,
      checksEveryMs: 0,
      checks: [slowCheck],
    });
    for (let i = 0; i < 500 && background.skippedTicks() <= 5; i++) await wait(10);
    release();
    await background.stop();
    expect(maxActive).toBe(1);
    expect(runs).toBeLessThanOrEqual(2);
    expect(background.skippedTicks()).toBeGreaterThan(5);
  });
});

describe('stopping', () => {
  it('stop waits for the check in hand and starts no other check', async () => {
    const ran: string[] = [];
    let slowStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    const slow = async () => {
      ran.push('slow');
      slowStarted();
      await wait(50);
    };
    const next = () => {
      ran.push('next');
      return Promise.resolve();
    };
    const background = startBackground(t.deps, () => undefined, { checks: [slow, next] });
    await started;
    await background.stop();
    expect(ran).toEqual(['slow']);
  });
});

describe('scheduled checks yield', () => {
  it('a timer set during one check fires before the next check starts', async () => {
    const order: string[] = [];
    const first = () => {
      setImmediate(() => order.push('timer'));
      order.push('first');
      return Promise.resolve();
    };
    const second = () => {
      order.push('second');
      return Promise.resolve();
    };
    await runScheduledChecks(t.deps, [first, second]);
    expect(order).toEqual(['first', 'timer', 'second']);
  });
});

describe('outbox delivery is bounded', () => {
  const emitConsult = (consultId: string) =>
    t.deps.database.transaction((trx) =>
      emitEvent(trx, t.clock, {
        type: 'consult.requested',
        clinicId,
        patientId: patient.overview.id,
        payload: {
          consultId,
          fromUserId: prescriber.id,
          toUserId: therapist.id,
          priority: 'routine',
          summary: 'bounded run',
        },
      }),
    );
  const pending = async () =>
    (
      await t.deps.database.db
        .selectFrom('outbox_events')
        .select('id')
        .where('processed_at', 'is', null)
        .execute()
    ).length;

  it('a run takes at most `max` events, gives the loop a turn between events, and a stop hands the rest back', async () => {
    await deliverPendingEvents(t.deps, 10_000, []);
    for (let i = 0; i < 6; i++) await emitConsult(`bounded-${String(i)}`);
    expect(await pending()).toBe(6);

    // A callback queued for the event loop's next turn, again and again: it only runs if delivery yields.
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    const delivered = await deliverPendingEvents(t.deps, 4, []);
    counting = false;
    expect(delivered).toBe(4);
    expect(await pending()).toBe(2);
    expect(turns).toBeGreaterThan(0);

    let asked = 0;
    expect(await deliverPendingEvents(t.deps, 100, [], () => asked++ >= 1)).toBe(1);
    expect(await pending()).toBe(1);
    expect(await deliverPendingEvents(t.deps, 100, [])).toBe(1);
    expect(await pending()).toBe(0);
  });

  it('the runner drains a backlog with one database transaction at a time (one connection on PostgreSQL)', async () => {
    await deliverPendingEvents(t.deps, 10_000, []);
    for (let i = 0; i < 30; i++) await emitConsult(`backlog-${String(i)}`);
    // Every transaction the runner opens is counted while it is open.
    let open = 0;
    let maxOpen = 0;
    let opened = 0;
    const counted =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        open++;
        opened++;
        maxOpen = Math.max(maxOpen, open);
        try {
          return await fn(...args);
        } finally {
          open--;
        }
      };
    const database = t.deps.database;
    const deps = {
      ...t.deps,
      database: {
        ...database,
        transaction: counted(database.transaction.bind(database)),
        durableTransaction: counted(database.durableTransaction.bind(database)),
        read: counted(database.read.bind(database)),
      },
    };
    // Ticks every millisecond, 5 events a run: without single-flight the runs would pile up side by side.
    const background = startBackground(deps, () => undefined, {
      deliveryEveryMs: 1,
      checksEveryMs: 3_600_000,
      eventsPerRun: 5,
      checks: [],
    });
    for (let i = 0; i < 1000 && (await pending()) > 0; i++) await wait(5);
    await background.stop();
    expect(await pending()).toBe(0);
    expect(opened).toBeGreaterThanOrEqual(30);
    expect(maxOpen).toBe(1);
  });
});
