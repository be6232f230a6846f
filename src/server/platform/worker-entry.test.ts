import { describe, expect, it } from 'vitest';
import { builtEntry, runningBuilt } from './worker-entry.js';

describe('worker entries (issue 19: the built server)', () => {
  it.each([
    ['file:///srv/duet/dist/server/chunk-ABC123.js', true],
    ['file:///srv/duet/dist/server/main.js', true],
    ['file:///srv/duet/src/server/platform/worker-entry.ts', false],
  ])('%s runs built: %s', (url, built) => {
    expect(runningBuilt(url)).toBe(built);
  });

  it('finds a built entry by its name beside the running bundle', () => {
    const source = new URL('file:///srv/duet/src/server/reads/read-worker.ts');
    expect(builtEntry(source, 'file:///srv/duet/dist/server/chunk-ABC123.js').href).toBe(
      'file:///srv/duet/dist/server/read-worker.js',
    );
    const audit = new URL('file:///srv/duet/dist/server/audit-verify-worker.ts');
    expect(builtEntry(audit, 'file:///srv/duet/dist/server/cli.js').href).toBe(
      'file:///srv/duet/dist/server/audit-verify-worker.js',
    );
  });
});
