import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAfterSave, SaveAwareQueryClient } from './refresh-after-save';

type History = { changes: string[] };

/** A server whose answers the test hands out one by one, in any order. */
function heldServer() {
  const answers: (() => void)[] = [];
  let rows: string[] = [];
  return {
    save: (row: string) => (rows = [...rows, row]),
    /** The read is made now (what the server holds now); its answer arrives when `answer(i)` is called. */
    read: () =>
      new Promise<History>((resolve) => {
        const snapshot = { changes: rows };
        answers.push(() => resolve(snapshot));
      }),
    answer: (i: number) => answers[i]?.(),
    get reads() {
      return answers.length;
    },
  };
}

const key = ['patients', 'p1', 'care-team-history'] as const;
let client: QueryClient | undefined;

afterEach(() => client?.clear());

/** A card showing the history: an active observer of the query, as the page's card is. */
function openCard(server: ReturnType<typeof heldServer>) {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 15_000 } } });
  const observer = new QueryObserver(client, { queryKey: key, queryFn: server.read });
  const unsubscribe = observer.subscribe(() => undefined);
  return { client, observer, unsubscribe };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('refreshAfterSave', () => {
  it('shows the change when the first read was made before the save and answers after it', async () => {
    const server = heldServer();
    const { client: queries, observer, unsubscribe } = openCard(server);
    await settle();
    expect(server.reads).toBe(1); // the card's first read, made before the save
    server.save('Jordan Lee added as care manager');
    const refreshed = refreshAfterSave(queries, [key]);
    server.answer(0); // the read made before the save answers after it
    await settle();
    expect(server.reads).toBe(2);
    server.answer(1);
    await refreshed;
    expect(observer.getCurrentResult().data).toEqual({ changes: ['Jordan Lee added as care manager'] });
    unsubscribe();
  });

  it('a plain invalidation keeps the answer read before the save (why the helper exists)', async () => {
    const server = heldServer();
    const { client: queries, observer, unsubscribe } = openCard(server);
    await settle();
    server.save('Jordan Lee added as care manager');
    const invalidated = queries.invalidateQueries({ queryKey: key });
    server.answer(0);
    await invalidated;
    await settle();
    expect(server.reads).toBe(1);
    expect(observer.getCurrentResult().data).toEqual({ changes: [] });
    unsubscribe();
  });

  it('asks again when the card already shows an answer', async () => {
    const server = heldServer();
    const { client: queries, observer, unsubscribe } = openCard(server);
    await settle();
    server.answer(0);
    await settle();
    server.save('Priya Shah removed as therapist');
    const refreshed = refreshAfterSave(queries, [key]);
    await settle();
    server.answer(1);
    await refreshed;
    expect(observer.getCurrentResult().data).toEqual({ changes: ['Priya Shah removed as therapist'] });
    unsubscribe();
  });
});

describe("SaveAwareQueryClient (the app's client)", () => {
  it('a plain invalidation after a save shows the change when the first read answers after the save', async () => {
    const server = heldServer();
    client = new SaveAwareQueryClient({ defaultOptions: { queries: { retry: false, staleTime: 15_000 } } });
    const observer = new QueryObserver(client, { queryKey: key, queryFn: server.read });
    const unsubscribe = observer.subscribe(() => undefined);
    await settle();
    server.save('Jordan Lee added as care manager');
    const invalidated = client.invalidateQueries({ queryKey: key });
    server.answer(0);
    await settle();
    expect(server.reads).toBe(2);
    server.answer(1);
    await invalidated;
    expect(observer.getCurrentResult().data).toEqual({ changes: ['Jordan Lee added as care manager'] });
    unsubscribe();
  });
});
