import type { Clock } from './clock.js';

/**
 * The browser journeys' clock (e2e/support/server.ts): wall time plus an offset that the harness moves
 * forward, so a journey that needs "the session has started" or "a minute later the escalation runs" does
 * not wait for real minutes. Time keeps flowing from the moved point, as on a real server.
 *
 * It is reachable only over the IPC channel of a parent Node process (never over HTTP), and only when
 * DUET_TEST_CLOCK=1 with NODE_ENV=test; config.ts refuses the flag otherwise (production never has it).
 */
export interface TestClock {
  clock: Clock;
  /** Moves the clock forward by `ms` (never backwards) and returns the new offset from wall time. */
  advance(ms: number): number;
  offsetMs(): number;
}

export function createTestClock(wall: () => number = () => Date.now()): TestClock {
  let offset = 0;
  return {
    clock: { now: () => wall() + offset },
    advance(ms) {
      if (!Number.isSafeInteger(ms) || ms < 0) {
        throw new Error(`the test clock moves forward by whole milliseconds only, not ${String(ms)}`);
      }
      offset += ms;
      return offset;
    },
    offsetMs: () => offset,
  };
}

/** A message from the e2e harness: `{ type: 'duet:test-clock', advanceMs, id }`. */
export interface TestClockRequest {
  type: 'duet:test-clock';
  id: number;
  advanceMs: number;
}

/** The answer: the clock's new reading and offset, or why the request was refused. */
export type TestClockReply =
  | { type: 'duet:test-clock'; id: number; ok: true; now: number; offsetMs: number }
  | { type: 'duet:test-clock'; id: number; ok: false; error: string };

function isRequest(message: unknown): message is TestClockRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'duet:test-clock' && typeof m.id === 'number' && typeof m.advanceMs === 'number';
}

/** The part of `process` this needs (so a test can pass a fake channel). */
export interface IpcChannel {
  send?: (message: unknown) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Answers the harness's clock requests on the process's IPC channel. Throws when there is no channel (the
 * server was not started by the harness): a test clock nobody can move is a mistake, not a default.
 */
export function listenForTestClock(testClock: TestClock, channel: IpcChannel): () => void {
  const send = channel.send?.bind(channel);
  if (!send) {
    throw new Error('DUET_TEST_CLOCK=1 needs the IPC channel of the e2e harness (e2e/support/server.ts)');
  }
  const listener = (message: unknown) => {
    if (!isRequest(message)) return;
    let reply: TestClockReply;
    try {
      const offsetMs = testClock.advance(message.advanceMs);
      reply = { type: message.type, id: message.id, ok: true, now: testClock.clock.now(), offsetMs };
    } catch (err) {
      reply = {
        type: message.type,
        id: message.id,
        ok: false,
        error: err instanceof Error ? err.message : 'refused',
      };
    }
    send(reply);
  };
  channel.on('message', listener);
  return () => channel.off('message', listener);
}
