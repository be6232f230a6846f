import fc from 'fast-check';
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { findInstrument, instrumentList } from '../../../shared/measures/instruments.js';
import { observationParts, toObservationPart } from '../../../shared/fhir/mappings/observation.js';
import { encodeCursor } from '../../../shared/fhir/search.js';
import { searchBundle } from './bundle.js';

const searchBundleJson = (...args: Parameters<typeof searchBundle>) => searchBundle(...args).toString('utf8');
import { WrittenResource, type SearchPage } from './handler.js';

const base = 'http://localhost:3000/fhir/R4';

/** The Bundle as the search answered it before it was written as text: built as an object, then serialised. */
function expectedBundle(type: string, query: Record<string, unknown>, page: SearchPage): Bundle {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    for (const one of Array.isArray(v) ? v : [v])
      if (typeof one === 'string' && k !== '_cursor') search.append(k, one);
  const link: NonNullable<Bundle['link']> = [
    { relation: 'self', url: `${base}/${type}${search.size > 0 ? `?${search.toString()}` : ''}` },
  ];
  if (page.next) {
    search.set('_cursor', encodeCursor(page.next));
    link.push({ relation: 'next', url: `${base}/${type}?${search.toString()}` });
  }
  const built = (r: Resource | WrittenResource): Resource =>
    r instanceof WrittenResource ? (JSON.parse(r.json) as Resource) : r;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link,
    entry: [
      ...page.resources.map((r) => ({
        fullUrl: `${base}/${r.resourceType}/${r.id ?? ''}`,
        resource: built(r),
        search: { mode: 'match' as const },
      })),
      ...(page.included ?? []).map((resource) => ({
        fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
        resource,
        search: { mode: 'include' as const },
      })),
      ...(page.warnings && page.warnings.length > 0
        ? [
            {
              resource: {
                resourceType: 'OperationOutcome' as const,
                issue: page.warnings.map((diagnostics) => ({
                  severity: 'warning' as const,
                  code: 'processing' as const,
                  diagnostics,
                })),
              },
              search: { mode: 'outcome' as const },
            },
          ]
        : []),
    ],
  };
}

const observation = fc
  .record({
    id: fc.oneof(fc.uuid(), fc.string()),
    patientId: fc.oneof(fc.uuid(), fc.string()),
    instrument: fc.constantFrom(...instrumentList),
    total: fc.integer({ min: 0, max: 27 }),
    item9: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
    source: fc.constantFrom('patient', 'in_session', 'integration'),
    enteredBy: fc.option(fc.uuid(), { nil: null }),
    answeredAt: fc.integer({ min: 0, max: 8_000_000_000_000 }),
    createdAt: fc.integer({ min: 0, max: 8_000_000_000_000 }),
  })
  .chain((a) =>
    fc
      .constantFrom(...observationParts)
      .map((part) => toObservationPart(a, part) ?? toObservationPart(a, 'total')),
  )
  .filter((o) => o !== null);

const page = fc.record({
  total: fc.nat(),
  observations: fc.array(observation, { maxLength: 8 }),
  writtenAsText: fc.boolean(),
  next: fc.option(fc.record({ at: fc.nat(), id: fc.string(), skip: fc.nat({ max: 1 }) }), { nil: null }),
  included: fc.option(
    fc.array(
      fc
        .record({ id: fc.string(), family: fc.string() })
        .map((p): Resource => ({ resourceType: 'Practitioner', id: p.id, name: [{ family: p.family }] })),
      { maxLength: 3 },
    ),
    { nil: undefined },
  ),
  warnings: fc.option(fc.array(fc.string(), { maxLength: 2 }), { nil: undefined }),
  query: fc.dictionary(
    fc.constantFrom('patient', '_sort', '_count', '_cursor', 'code', 'date'),
    fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
  ),
});

describe('searchBundle', () => {
  it('writes exactly JSON.stringify of the Bundle, with written resources spliced in as they are', () => {
    fc.assert(
      fc.property(page, (p) => {
        const resources = p.observations.map((o) =>
          p.writtenAsText ? new WrittenResource('Observation', o.id ?? '', JSON.stringify(o)) : o,
        );
        const searchPage: SearchPage = {
          total: p.total,
          resources,
          next: p.next,
          ...(p.included ? { included: p.included } : {}),
          ...(p.warnings ? { warnings: p.warnings } : {}),
        };
        const text = searchBundleJson(base, 'Observation', p.query, searchPage);
        expect(text).toBe(JSON.stringify(expectedBundle('Observation', p.query, searchPage)));
      }),
      { numRuns: 1000 },
    );
  });

  it("reuses a kept resource's entry bytes only for the base URL they were written for", () => {
    const obs: Observation = {
      resourceType: 'Observation',
      id: 'a1-total',
      status: 'final',
      code: { text: 'PHQ-9 total' },
    };
    const kept = new WrittenResource('Observation', 'a1-total', JSON.stringify(obs));
    const page = (resources: SearchPage['resources']): SearchPage => ({ total: 1, resources, next: null });
    const other = 'https://other.example/fhir/R4';
    for (const b of [base, base, other, base]) {
      const text = searchBundleJson(b, 'Observation', {}, page([kept]));
      expect(text).toBe(searchBundleJson(b, 'Observation', {}, page([obs])));
      expect((JSON.parse(text) as Bundle).entry?.[0]?.fullUrl).toBe(`${b}/Observation/a1-total`);
      expect(kept.matchEntry?.base).toBe(b);
    }
  });

  it('answers the same text whether the Observations come as objects or as their text', () => {
    const phq9 = findInstrument('phq9');
    if (!phq9) throw new Error('PHQ-9 is not an instrument');
    const obs = toObservationPart(
      {
        id: '0b7c2f3e-5a51-4b8e-9a0f-1c2d3e4f5a6b',
        patientId: 'f1e2d3c4-b5a6-4978-8899-aabbccddeeff',
        instrument: phq9,
        total: 14,
        item9: 1,
        source: 'patient',
        enteredBy: null,
        answeredAt: 1_765_000_000_000,
        createdAt: 1_765_000_000_123,
      },
      'item9',
    );
    if (!obs?.id) throw new Error('the mapping gave no item 9 Observation');
    const query = { patient: 'f1e2d3c4-b5a6-4978-8899-aabbccddeeff', _sort: '-date', _count: '1' };
    const next = { at: 1_765_000_000_000, id: 'x', skip: 1 };
    const asObject = searchBundleJson(base, 'Observation', query, { total: 2, resources: [obs], next });
    const asText = searchBundleJson(base, 'Observation', query, {
      total: 2,
      resources: [new WrittenResource('Observation', obs.id, JSON.stringify(obs))],
      next,
    });
    expect(asText).toBe(asObject);
    const bundle = JSON.parse(asText) as Bundle;
    expect(bundle.entry?.[0]?.fullUrl).toBe(`${base}/Observation/${obs.id}`);
    expect(bundle.link?.map((l) => l.relation)).toEqual(['self', 'next']);
  });
});
