import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentList } from '../../../../shared/measures/instruments.js';
import { toQuestionnaireResponse } from '../../../../shared/fhir/mappings/questionnaire-response.js';
import { observationParts, toObservationPart } from '../../../../shared/fhir/mappings/observation.js';
import { observationJson, questionnaireResponseJson } from './export-json.js';

// The export's faster QuestionnaireResponse serialisation must write exactly what JSON.stringify writes, for any
// answer the mapping can be given (answered, unanswered and out-of-range items, both instruments, both sources).
describe('questionnaireResponseJson', () => {
  const answer = fc.record({
    instrument: fc.constantFrom(...instrumentList),
    items: fc.array(fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }), {
      minLength: 0,
      maxLength: 10,
    }),
    functional: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
    total: fc.option(fc.integer({ min: 0, max: 27 }), { nil: null }),
    source: fc.constantFrom('patient', 'in_session'),
    enteredBy: fc.option(fc.uuid(), { nil: null }),
    at: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  });

  it('equals JSON.stringify of the same resource', () => {
    fc.assert(
      fc.property(answer, fc.uuid(), fc.uuid(), (a, id, patientId) => {
        const qr = toQuestionnaireResponse(
          {
            id,
            patientId,
            instrument: a.instrument,
            answers: { items: a.items, functional: a.functional },
            total: a.total,
            item9: null,
            source: a.source,
            enteredBy: a.enteredBy,
            answeredAt: a.at,
            createdAt: a.at,
          },
          { base: 'http://localhost:3000/fhir/R4' },
        );
        expect(questionnaireResponseJson(qr)).toBe(JSON.stringify(qr));
      }),
      { numRuns: 500 },
    );
  });

  it('serialises a resource of another shape as it is', () => {
    const odd = {
      resourceType: 'QuestionnaireResponse' as const,
      status: 'completed' as const,
      item: [{ linkId: 'a', answer: [{ valueInteger: 1 }, { valueInteger: 2 }] }],
      questionnaire: 'Questionnaire/x',
    };
    expect(questionnaireResponseJson(odd)).toBe(JSON.stringify(odd));
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
