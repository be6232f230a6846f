import { describe, expect, it } from 'vitest';
import { listenForLoopDelay, type DelayHistogram, type LoopDelayReport } from './loop-delay.js';

function fakeChannel() {
  const sent: unknown[] = [];
  let listener: ((m: unknown) => void) | null = null;
  return {
    sent,
    deliver: (m: unknown) => listener?.(m),
    channel: {
      send: (m: unknown) => sent.push(m) > 0,
      on: (_event: 'message', l: (m: unknown) => void) => (listener = l),
    },
  };
}

function fakeHistogram(ns: { max: number; mean: number; p99: number }): DelayHistogram & { resets: number } {
  return {
    resets: 0,
    get max() {
      return ns.max;
    },
    get mean() {
      return ns.mean;
    },
    percentile: () => ns.p99,
    enable: () => true,
    reset() {
      this.resets++;
    },
  };
}

describe('event-loop delay for the bench (IPC only)', () => {
  it('answers the ask in ms and counts anew after it', () => {
    const c = fakeChannel();
    const h = fakeHistogram({ max: 27_340_000, mean: 1_050_000, p99: 12_000_000 });
    listenForLoopDelay(c.channel, h);
    c.deliver({ type: 'duet:loop-delay' });
    expect(c.sent).toEqual([{ type: 'duet:loop-delay', maxMs: 27.3, p99Ms: 12, meanMs: 1.1 }]);
    expect(h.resets).toBe(1);
  });

  it('ignores other messages (the test clock shares the channel) and a histogram with no sample', () => {
    const c = fakeChannel();
    const h = fakeHistogram({ max: 0, mean: Number.NaN, p99: 0 });
    listenForLoopDelay(c.channel, h);
    c.deliver({ type: 'duet:clock', op: 'now' });
    c.deliver('duet:loop-delay');
    c.deliver(null);
    expect(c.sent).toEqual([]);
    c.deliver({ type: 'duet:loop-delay' });
    expect(c.sent[0] as LoopDelayReport).toMatchObject({ maxMs: 0, meanMs: 0 });
  });

  it('refuses to start without an IPC channel', () => {
    expect(() => {
      listenForLoopDelay({ on: () => undefined }, fakeHistogram({ max: 0, mean: 0, p99: 0 }));
    }).toThrow(/IPC channel/);
  });
});
