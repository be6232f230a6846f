import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { answered } from './lazy-page';

// Issue 17 ("Fast"): Today's cards below the doses wait until the doses' read has answered (useShownAfterRead).
describe('answered (when the parts below a read may render)', () => {
  const key = ['patients', 'p1', 'doses', 'today'] as const;

  it('is false while the read has not answered, true once it has data', () => {
    const client = new QueryClient();
    expect(answered(client, key)).toBe(false);
    client.query({ queryKey: key, queryFn: () => new Promise(() => undefined) }).catch(() => undefined);
    expect(answered(client, key)).toBe(false);
    client.setQueryData(key, { doses: [] });
    expect(answered(client, key)).toBe(true);
  });

  it('is true when the read failed (the parts still show, the card shows its error)', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await client
      .query({ queryKey: key, queryFn: () => Promise.reject(new Error('offline')) })
      .catch(() => undefined);
    expect(client.getQueryState(key)?.status).toBe('error');
    expect(answered(client, key)).toBe(true);
  });

  it('is true without a read to wait for, and per key', () => {
    const client = new QueryClient();
    client.setQueryData(['patients', 'p2', 'doses', 'today'], { doses: [] });
    expect(answered(client, null)).toBe(true);
    expect(answered(client, key)).toBe(false);
  });
});
