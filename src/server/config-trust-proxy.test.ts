import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config.js';

describe('TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['0', false],
    ['', false],
    ['true', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, ::1, loopback', ['10.0.0.0/8', '::1', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ])('%j means %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(['yes', '*', '10.0.0.0/33', '10.0.0.1/8/8', 'proxy.example.org', '10.0.0.300'])(
    'refuses %j at start-up with a clear message',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be false, a hop count/);
    },
  );

  it('defaults to trusting no proxy', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
