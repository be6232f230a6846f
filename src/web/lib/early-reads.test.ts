import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionAnswer } from '../../shared/accounts/api';

// Issue 17 ("Fast"): the page's first reads leave with the session and their answers are in the query cache
// before React's first render (primeEarlyReads), so the first render has its data.
const answers = new Map<string, Promise<unknown>>();
const asked: string[] = [];
vi.mock('../app/api-client', () => ({
  api: {
    get: (path: string) => {
      asked.push(path);
      return answers.get(path) ?? Promise.reject(new Error(`no answer for ${path}`));
    },
  },
}));

const { earlyOr, primeEarlyReads, sessionKnown, whenSignedIn } = await import('./early-reads');

const session = { user: { role: 'patient', patientId: 'p1' } } as unknown as SessionAnswer;

beforeAll(() => {
  vi.stubGlobal('window', { location: { pathname: '/home' } });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('primeEarlyReads', () => {
  it('puts answered reads in the cache under their keys, takes them once, and leaves slow or failed ones to the page', async () => {
    let answerSlow: (value: unknown) => void = () => undefined;
    answers.set('/fast', Promise.resolve({ doses: [1] }));
    answers.set('/slow', new Promise((resolve) => (answerSlow = resolve)));
    answers.set('/failed', Promise.reject(new Error('offline')));
    answers.get('/failed')?.catch(() => undefined);
    whenSignedIn((_, pathname) => (pathname === '/home' ? { path: '/fast', key: ['fast'] } : null));
    whenSignedIn(() => ({ path: '/slow', key: ['slow'] }));
    whenSignedIn(() => ({ path: '/failed', key: ['failed'] }));
    whenSignedIn((_, pathname) => (pathname === '/elsewhere' ? { path: '/other', key: ['other'] } : null));
    sessionKnown(session);
    expect(asked).toEqual(['/fast', '/slow', '/failed']);

    const client = new QueryClient();
    await primeEarlyReads(client, 20);
    expect(client.getQueryData(['fast'])).toEqual({ doses: [1] });
    expect(client.getQueryData(['slow'])).toBeUndefined();
    expect(client.getQueryData(['failed'])).toBeUndefined();

    // The primed read was taken: the page's query asks anew if it ever needs to.
    answers.set('/fast', Promise.resolve({ doses: [2] }));
    await expect(earlyOr('/fast', () => Promise.resolve('asked again'))).resolves.toBe('asked again');
    // The slow one is still on its way and is taken by the page's query; its late answer is not primed.
    const slow = earlyOr('/slow', () => Promise.resolve('asked again'));
    answerSlow({ late: true });
    await expect(slow).resolves.toEqual({ late: true });
    expect(client.getQueryData(['slow'])).toBeUndefined();
    await expect(earlyOr('/failed', () => Promise.resolve('x'))).rejects.toThrow('offline');
  });

  it('returns at once when no read is on its way', async () => {
    const client = new QueryClient();
    const started = performance.now();
    await primeEarlyReads(client, 5_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
