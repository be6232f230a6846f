import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crisisResourceKinds, crisisSituations, type CrisisResource } from './schemas.js';
import { orderedFor } from './select.js';

const resource = fc.record({
  kind: fc.constantFrom(...crisisResourceKinds),
  name: fc.string({ minLength: 1, maxLength: 8 }),
});
const asResource = (r: { kind: CrisisResource['kind']; name: string }, i: number): CrisisResource => ({
  ...r,
  name: `${r.name}#${String(i)}`,
  phone: String(100 + i),
  otherPhones: [],
  sms: null,
  smsKeyword: null,
  web: null,
  hours: null,
  languages: [],
  note: null,
  lastVerified: '2026-01-01',
  source: null,
});

describe('orderedFor (property)', () => {
  it('keeps every entry, puts the situation’s first kind first, and keeps the order within a kind', () => {
    fc.assert(
      fc.property(
        fc.array(resource, { maxLength: 12 }),
        fc.constantFrom(...crisisSituations),
        (rows, situation) => {
          const list = rows.map(asResource);
          const ordered = orderedFor(situation, list);
          expect([...ordered].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
            [...list].sort((a, b) => a.name.localeCompare(b.name)),
          );
          const lead = situation === 'physical_emergency' ? 'emergency' : 'crisis_line';
          if (list.some((r) => r.kind === lead)) expect(ordered[0]?.kind).toBe(lead);
          for (const kind of crisisResourceKinds)
            expect(ordered.filter((r) => r.kind === kind)).toEqual(list.filter((r) => r.kind === kind));
        },
      ),
    );
  });
});
