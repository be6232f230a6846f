// Issue 19: the visit agenda list is bounded (AGENDA_ITEMS_MAX): `?limit=` above the maximum is a 400 naming
// it, never cut silently; a list cut at its limit says so (`hasMore`), every open item before discussed ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, type Session } from '../../testing/test-app.js';
import { registryFixture } from '../registry/registry.test-kit.js';
import { agendaListSchema } from '../../../shared/visit-agenda/schemas.js';
import { AGENDA_ITEMS_MAX } from '../../../shared/lists/limits.js';

let f: Awaited<ReturnType<typeof registryFixture>>;
let p: string;
let me: Session;
const url = () => `/api/patients/${p}/agenda-items`;

beforeAll(async () => {
  f = await registryFixture();
  p = await f.patient('Bounded');
  me = await f.signInPatient(p);
  for (const text of ['Sleep', 'Appetite', 'Work']) {
    f.t.clock.advance(60_000);
    expect(
      (await call(f.t.app, me, 'POST', url(), { id: randomUUID(), addressedTo: 'both', text })).statusCode,
    ).toBe(201);
  }
});
afterAll(() => f.t.close());

describe('GET …/agenda-items is bounded', () => {
  it('a limit above the maximum is a 400 at querystring.limit naming the maximum', async () => {
    const res = await call(f.t.app, me, 'GET', `${url()}?limit=${String(AGENDA_ITEMS_MAX + 1)}`);
    expect(res.statusCode).toBe(400);
    const details = res.json<{ error: { details: { path: string; message: string }[] } }>().error.details;
    expect(details).toContainEqual({ path: 'querystring.limit', message: 'At most 500 at a time.' });
  });

  it('a small limit answers that many, in order, with hasMore; the default answers all three', async () => {
    const cut = agendaListSchema.parse((await call(f.t.app, me, 'GET', `${url()}?limit=2`)).json());
    expect(cut.hasMore).toBe(true);
    // The latest two, answered oldest first.
    expect(cut.items.map((i) => i.text)).toEqual(['Appetite', 'Work']);
    const all = agendaListSchema.parse((await call(f.t.app, me, 'GET', url())).json());
    expect(all.hasMore).toBe(false);
    expect(all.items.map((i) => i.text)).toEqual(['Sleep', 'Appetite', 'Work']);
  });
});
