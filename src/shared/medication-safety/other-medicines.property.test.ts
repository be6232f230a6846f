import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchOtherMedicine, otherMedicines } from './other-medicines.js';

// However a known name is typed (case, dose text around it, punctuation), it finds its row; and text made
// only of doses and filler words never matches anything.
const names = otherMedicines.flatMap((row) =>
  [row.name, ...row.aliases].map((name) => ({ name, id: row.id })),
);
const doseText = fc.oneof(
  fc.constant(''),
  fc
    .tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('mg', ' mg', 'mcg', ' g', 'ml', ''))
    .map(([n, unit]) => `${String(n)}${unit}`),
);
const filler = fc.constantFrom(
  '',
  'twice daily',
  'as needed',
  'at night',
  'from my GP',
  '(tablets)',
  '- 1 tab',
);
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
  (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase()),
);

describe('matchOtherMedicine properties', () => {
  it('a dictionary name keeps its match whatever dose text, filler or case surrounds it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), doseText, filler, casing, (entry, dose, extra, caseOf) => {
        const text = caseOf(`${entry.name} ${dose} ${extra}`);
        expect(matchOtherMedicine(text)?.id).toBe(entry.id);
      }),
      { numRuns: 500 },
    );
  });

  it('doses and filler alone never match', () => {
    fc.assert(
      fc.property(doseText, filler, doseText, (a, b, c) => {
        expect(matchOtherMedicine(`${a} ${b} ${c}`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
