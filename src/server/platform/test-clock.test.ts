import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestClock, listenForTestClock, type TestClockReply } from './test-clock.js';

describe('the browser journeys’ movable clock is refused outside tests', () => {
  it.each([
    ['NODE_ENV unset', {}],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['NODE_ENV=development', { NODE_ENV: 'development' }],
  ])('DUET_TEST_CLOCK=1 with %s stops the start-up', (_name, env) => {
    expect(() => loadConfig({ ...env, DUET_TEST_CLOCK: '1' })).toThrow(
      /DUET_TEST_CLOCK=1 is for the browser journeys only/,
    );
  });

  it('is off by default, in production too', () => {
    expect(loadConfig({}).testClock).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).testClock).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DUET_TEST_CLOCK: '0' }).testClock).toBe(false);
  });

  it('is on only with NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'test', DUET_TEST_CLOCK: '1' }).testClock).toBe(true);
  });
});

describe('createTestClock', () => {
  it('reads wall time plus the offset, and only ever moves forward', () => {
    let wall = 1_000;
    const t = createTestClock(() => wall);
    expect(t.clock.now()).toBe(1_000);
    expect(t.advance(60_000)).toBe(60_000);
    expect(t.clock.now()).toBe(61_000);
    wall = 2_000; // time keeps flowing from the moved point
    expect(t.clock.now()).toBe(62_000);
    expect(() => t.advance(-1)).toThrow(/forward/);
    expect(() => t.advance(0.5)).toThrow(/whole milliseconds/);
    expect(t.offsetMs()).toBe(60_000);
  });
});

class FakeChannel extends EventEmitter {
  sent: unknown[] = [];
  send = (message: unknown) => {
    this.sent.push(message);
    return true;
  };
}

describe('listenForTestClock', () => {
  it('refuses to start without the harness’s IPC channel', () => {
    const noChannel = { on: () => undefined, off: () => undefined };
    expect(() => listenForTestClock(createTestClock(), noChannel)).toThrow(/IPC channel/);
  });

  it('moves the clock on the harness’s request and answers with the new reading', () => {
    const wall = 5_000;
    const t = createTestClock(() => wall);
    const channel = new FakeChannel();
    const stop = listenForTestClock(t, channel);
    channel.emit('message', { type: 'duet:test-clock', id: 1, advanceMs: 90_000 });
    channel.emit('message', { type: 'something-else', id: 2, advanceMs: 1 });
    channel.emit('message', { type: 'duet:test-clock', id: 3, advanceMs: -5 });
    expect(channel.sent).toEqual<TestClockReply[]>([
      { type: 'duet:test-clock', id: 1, ok: true, now: 95_000, offsetMs: 90_000 },
      { type: 'duet:test-clock', id: 3, ok: false, error: expect.stringMatching(/forward/) as string },
    ]);
    stop();
    channel.emit('message', { type: 'duet:test-clock', id: 4, advanceMs: 1 });
    expect(channel.sent).toHaveLength(2);
    expect(t.clock.now()).toBe(95_000);
  });
});
