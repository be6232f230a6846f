import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentList } from '../../../shared/measures/instruments.js';
import {
  observationParts,
  toObservationPart,
  type ObservationInput,
} from '../../../shared/fhir/mappings/observation.js';
import { OBSERVATION_TEXTS_KEPT, observationResource, observationTextsKept } from './observation-texts.js';

const observationText = (...args: Parameters<typeof observationResource>) =>
  observationResource(...args)?.json ?? null;

const input = fc.record({
  id: fc.constantFrom('a1', 'a2', 'a3'),
  patientId: fc.constantFrom('p1', 'p2'),
  instrument: fc.constantFrom(...instrumentList),
  total: fc.option(fc.integer({ min: 0, max: 27 }), { nil: null }),
  item9: fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }),
  source: fc.constantFrom('patient', 'in_session', 'integration'),
  enteredBy: fc.option(fc.constantFrom('u1', 'u2'), { nil: null }),
  answeredAt: fc.integer({ min: 0, max: 3 }),
  createdAt: fc.integer({ min: 0, max: 3 }),
});

describe('observationText', () => {
  // Few ids, many variants of each: a text kept for an id is reused only for exactly the same row.
  it('is JSON.stringify of the mapped Observation, also when a row with the same id changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(input, fc.constantFrom(...observationParts)), { maxLength: 30 }),
        (reads) => {
          for (const [a, part] of reads) {
            const mapped = toObservationPart(a, part);
            expect(observationText(a, part)).toBe(mapped ? JSON.stringify(mapped) : null);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the texts of at most OBSERVATION_TEXTS_KEPT answers, the newest', () => {
    const phq9 = instrumentList.find((i) => i.id === 'phq9');
    if (!phq9) throw new Error('PHQ-9 is not an instrument');
    const answer = (n: number): ObservationInput => ({
      id: `r${String(n)}`,
      patientId: 'p',
      instrument: phq9,
      total: n % 28,
      item9: null,
      source: 'patient',
      enteredBy: null,
      answeredAt: n,
      createdAt: n,
    });
    for (let n = 0; n < OBSERVATION_TEXTS_KEPT + 100; n++) {
      const a = answer(n);
      expect(observationText(a, 'total')).toBe(JSON.stringify(toObservationPart(a, 'total')));
    }
    expect(observationTextsKept()).toBe(OBSERVATION_TEXTS_KEPT);
    const last = answer(OBSERVATION_TEXTS_KEPT + 99);
    expect(observationText({ ...last, total: 3 }, 'total')).toBe(
      JSON.stringify(toObservationPart({ ...last, total: 3 }, 'total')),
    );
  });
});
