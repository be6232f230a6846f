import { describe, expect, it } from 'vitest';
import { defaultTypes, exportableTypes, readExportRequest } from './export-request.js';

const async_ = { prefer: 'respond-async', accept: 'application/fhir+json' };

describe('reading a Bulk Data kick-off', () => {
  it.each([
    // [query, headers, expected types | error parameter]
    [{}, async_, null],
    [{ _type: 'Patient,Observation' }, async_, ['Patient', 'Observation']],
    [{ _type: ['Observation', 'Patient'] }, async_, ['Patient', 'Observation']],
    [{ _type: 'Observation, Patient' }, async_, ['Patient', 'Observation']],
    [{ _outputFormat: 'application/fhir+ndjson' }, async_, null],
    [{ _outputFormat: 'application/ndjson' }, async_, null],
    [{ _outputFormat: 'ndjson' }, { prefer: 'respond-async' }, null],
    [{}, { prefer: 'respond-async', accept: '*/*' }, null],
    [{ _elements: 'id' }, { prefer: 'respond-async, handling=lenient' }, null],
  ] as const)('%j %j is accepted', (query, headers, types) => {
    const r = readExportRequest(query, headers);
    expect(r).toEqual({ ok: true, value: { types, since: null } });
  });

  it.each([
    [{}, {}, 'Prefer'],
    [{}, { prefer: 'respond-sync' }, 'Prefer'],
    [{}, { prefer: 'respond-async', accept: 'application/xml' }, 'Accept'],
    [{ _outputFormat: 'text/csv' }, async_, '_outputFormat'],
    [{ _type: 'Encounter' }, async_, '_type'],
    [{ _type: 'Patient,' }, async_, '_type'],
    [{ _since: '2026-01-01' }, async_, '_since'],
    [{ _since: '2026-01-01T10:00:00' }, async_, '_since'],
    [{ _since: ['2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z'] }, async_, '_since'],
    [{ _typeFilter: 'Observation?code=1' }, async_, '_typeFilter'],
    [{ patient: 'Patient/1' }, async_, 'patient'],
    [{ foo: 'bar' }, async_, 'foo'],
  ] as const)('%j %j is refused at %s', (query, headers, at) => {
    const r = readExportRequest(query, headers);
    expect(r).toMatchObject({ ok: false, status: 400, at });
  });

  it('_since is a FHIR instant with its zone', () => {
    const r = readExportRequest({ _since: '2026-11-02T15:00:00.250+01:00' }, async_);
    expect(r).toEqual({ ok: true, value: { types: null, since: Date.UTC(2026, 10, 2, 14, 0, 0, 250) } });
  });

  it('Patient and Group levels default to the Patient compartment; system to every type', () => {
    expect(defaultTypes('system')).toEqual(exportableTypes);
    expect(defaultTypes('patient')).not.toContain('Practitioner');
    expect(defaultTypes('group')).toEqual(defaultTypes('patient'));
    expect(defaultTypes('patient')).toContain('Observation');
  });
});
