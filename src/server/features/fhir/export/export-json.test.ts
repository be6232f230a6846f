import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentList } from '../../../../shared/measures/instruments.js';
import { toQuestionnaireResponse } from '../../../../shared/fhir/mappings/questionnaire-response.js';
import { observationParts, toObservationPart } from '../../../../shared/fhir/mappings/observation.js';
import { observationJson, questionnaireResponseText } from './export-json.js';

// The export's faster QuestionnaireResponse serialisation must write exactly what JSON.stringify writes, for any
// answer the mapping can be given (answered, unanswered and out-of-range items, both instruments, both sources).
describe('questionnaireResponseText', () => {
  const answer = fc.record({
    id: fc.oneof(fc.uuid(), fc.string()),
    patientId: fc.oneof(fc.uuid(), fc.string()),
    instrument: fc.constantFrom(...instrumentList),
    items: fc.array(fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }), {
      minLength: 0,
      maxLength: 10,
    }),
    functional: fc.option(fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }), { nil: undefined }),
    total: fc.option(fc.integer({ min: 0, max: 27 }), { nil: null }),
    item9: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    source: fc.constantFrom('patient', 'in_session', 'integration'),
    enteredBy: fc.option(fc.oneof(fc.uuid(), fc.string()), { nil: null }),
    answeredAt: fc.integer({ min: 0, max: 8_000_000_000_000 }),
    createdAt: fc.integer({ min: 0, max: 8_000_000_000_000 }),
    base: fc.constantFrom('http://localhost:3000/fhir/R4', 'https://duet.example/fhir/R4', 'http://x/"q"'),
  });

  it('equals JSON.stringify of the mapped QuestionnaireResponse', () => {
    fc.assert(
      fc.property(answer, ({ base, items, functional, ...a }) => {
        const input = { ...a, answers: { items, ...(functional === undefined ? {} : { functional }) } };
        expect(questionnaireResponseText(input, { base })).toBe(
          JSON.stringify(toQuestionnaireResponse(input, { base })),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

// The export's Observation text must be exactly JSON.stringify of the mapping's Observation, for totals and item
// 9 answers in and out of the options, each source, odd ids (quotes, backslashes, non-ASCII) and any instant.
describe('observationJson', () => {
  const input = fc.record({
    id: fc.oneof(fc.uuid(), fc.string()),
    patientId: fc.oneof(fc.uuid(), fc.string()),
    instrument: fc.constantFrom(...instrumentList),
    total: fc.option(fc.integer({ min: -1, max: 30 }), { nil: null }),
    item9: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
    source: fc.constantFrom('patient', 'in_session', 'integration'),
    enteredBy: fc.option(fc.oneof(fc.uuid(), fc.string()), { nil: null }),
    answeredAt: fc.integer({ min: 0, max: 8_000_000_000_000 }),
    createdAt: fc.integer({ min: 0, max: 8_000_000_000_000 }),
  });

  it('equals JSON.stringify of the mapped Observation, or is null when the part is absent', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...observationParts), (a, part) => {
        const mapped = toObservationPart(a, part);
        expect(observationJson(a, part)).toBe(mapped ? JSON.stringify(mapped) : null);
      }),
      { numRuns: 2000 },
    );
  });
});
