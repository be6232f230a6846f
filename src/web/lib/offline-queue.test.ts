// Issue 17 (offline writes): the phone's queue with the real API client over a scripted network (no
// IndexedDB in Node: the queue keeps its writes in memory, the same code path otherwise).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Answer = { status: number; body?: unknown } | 'no network';

const sent: { method: string; url: string; body: unknown; ifMatch: string | null }[] = [];
let answers: Answer[] = [];

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

async function load() {
  vi.resetModules();
  return import('./offline-queue');
}

beforeEach(() => {
  sent.length = 0;
  answers = [];
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      ifMatch: headers['if-match'] ?? null,
    });
    const next = answers.shift() ?? { status: 201, body: { ok: true } };
    if (next === 'no network') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(json(next.status, next.body));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const dose = (id: string) => ({
  id,
  userId: 'user-1',
  kind: 'dose' as const,
  label: 'Dose taken',
  method: 'POST' as const,
  path: '/api/patients/p1/doses',
  body: { id, status: 'taken' },
});

describe('the offline queue (issue 17)', () => {
  it('sends at once when it can, keeping nothing', async () => {
    const q = await load();
    const result = await q.sendOrQueue(dose('d1'));
    expect(result).toEqual({ sent: true, answer: { ok: true } });
    expect(sent).toHaveLength(1);
    expect(await q.flushQueue('user-1')).toBe(0);
  });

  it('keeps a write the network did not take and sends it later once, with its client id', async () => {
    const q = await load();
    answers = ['no network'];
    expect(await q.sendOrQueue(dose('d1'))).toEqual({ sent: false });
    // Still no network at the first flush: it waits, in order.
    answers = ['no network'];
    expect(await q.flushQueue('user-1')).toBe(0);
    answers = [{ status: 201, body: { log: { id: 'd1' } } }];
    expect(await q.flushQueue('user-1')).toBe(1);
    expect(sent.map((s) => s.body)).toEqual([
      { id: 'd1', status: 'taken' },
      { id: 'd1', status: 'taken' },
      { id: 'd1', status: 'taken' },
    ]);
    // Nothing left: a second flush sends nothing.
    expect(await q.flushQueue('user-1')).toBe(0);
    expect(sent).toHaveLength(3);
  });

  it('keeps a write made while the phone says it is offline without trying the network', async () => {
    const q = await load();
    vi.stubGlobal('navigator', { onLine: false });
    expect(await q.sendOrQueue(dose('d1'))).toEqual({ sent: false });
    expect(sent).toHaveLength(0);
  });

  it('two flushes at once send each write once', async () => {
    const q = await load();
    vi.stubGlobal('navigator', { onLine: false });
    await q.sendOrQueue(dose('d1'));
    await q.sendOrQueue(dose('d2'));
    vi.stubGlobal('navigator', { onLine: true });
    // The second call joins the flush under way rather than starting another.
    const [a, b] = await Promise.all([q.flushQueue('user-1'), q.flushQueue('user-1')]);
    expect([a, b]).toEqual([2, 2]);
    expect(sent.map((s) => (s.body as { id: string }).id)).toEqual(['d1', 'd2']);
  });

  it('a write the server refuses stays with the reason until dismissed; the next one is still sent', async () => {
    const q = await load();
    vi.stubGlobal('navigator', { onLine: false });
    await q.sendOrQueue(dose('d1'));
    await q.sendOrQueue(dose('d2'));
    vi.stubGlobal('navigator', { onLine: true });
    answers = [
      { status: 409, body: { error: { code: 'conflict', message: 'This dose was already logged.' } } },
      { status: 201, body: { log: { id: 'd2' } } },
    ];
    expect(await q.flushQueue('user-1')).toBe(1);
    expect(q.writesOf('user-1')).toMatchObject([
      { id: 'd1', state: 'refused', refusal: 'This dose was already logged.' },
    ]);
    // The refused write is not sent again on the next flush.
    expect(await q.flushQueue('user-1')).toBe(0);
    expect(sent).toHaveLength(2);
    await q.dismissRefused('d1');
    expect(q.writesOf('user-1')).toEqual([]);
  });

  it('a 401 (session ended) keeps the writes waiting; another person never sends them', async () => {
    const q = await load();
    vi.stubGlobal('navigator', { onLine: false });
    await q.sendOrQueue(dose('d1'));
    vi.stubGlobal('navigator', { onLine: true });
    answers = [{ status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in again.' } } }];
    expect(await q.flushQueue('user-1')).toBe(0);
    expect(await q.flushQueue('user-2')).toBe(0);
    expect(sent).toHaveLength(1);
    expect(q.writesOf('user-2')).toEqual([]);
    expect(q.writesOf('user-1')).toMatchObject([{ id: 'd1', state: 'waiting' }]);
    expect(await q.flushQueue('user-1')).toBe(1);
  });

  it('a second save of a waiting entry replaces it; the newest content goes once, with its If-Match', async () => {
    const q = await load();
    const entry = (text: string) => ({
      id: 'e1',
      userId: 'user-1',
      kind: 'practice_entry' as const,
      label: 'Practice entry',
      method: 'PUT' as const,
      path: '/api/patients/p1/practice/entries/e1',
      body: { content: { text } },
      ifMatch: 3,
    });
    answers = ['no network'];
    await q.sendOrQueue(entry('first'));
    // While one waits, the next save goes to the queue without trying (its version is the same).
    expect(await q.sendOrQueue(entry('second'))).toEqual({ sent: false });
    expect(sent).toHaveLength(1);
    const versions: unknown[] = [];
    q.onWriteSent('e1', (answer) => versions.push(answer));
    answers = [{ status: 200, body: { id: 'e1', version: 4 } }];
    expect(await q.flushQueue('user-1')).toBe(1);
    expect(sent[1]).toEqual({
      method: 'PUT',
      url: '/api/patients/p1/practice/entries/e1',
      body: { content: { text: 'second' } },
      ifMatch: '"3"',
    });
    expect(versions).toEqual([{ id: 'e1', version: 4 }]);
  });

  it('errors the server gives at once (400) reach the form, nothing is kept', async () => {
    const q = await load();
    answers = [
      {
        status: 400,
        body: { error: { code: 'validation_failed', message: 'Not valid', details: [{ path: 'body.x' }] } },
      },
    ];
    await expect(q.sendOrQueue(dose('d1'))).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    expect(await q.flushQueue('user-1')).toBe(0);
    expect(sent).toHaveLength(1);
  });
});
