import { describe, expect, it } from 'vitest';
import { handlers } from '../registry.js';
import { defaultTypes, exportableTypes, readExportRequest } from './export-request.js';

const async_ = { prefer: 'respond-async', accept: 'application/fhir+json' };

describe('reading a Bulk Data kick-off', () => {
  it.each([
    // [query, headers, expected types | error parameter]
    [{}, async_, null],
    [{ _type: 'Patient,Observation' }, async_, ['Patient', 'Observation']],
    [{ _type: ['Observation', 'Patient'] }, async_, ['Patient', 'Observation']],
    [{ _type: 'Observation, Patient' }, async_, ['Patient', 'Observation']],
    [{ _type: 'AuditEvent,Communication' }, async_, ['Communication', 'AuditEvent']],
    [{ _type: ['Goal', 'CarePlan,Encounter'] }, async_, ['Encounter', 'CarePlan', 'Goal']],
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
    [{ _type: 'DocumentReference' }, async_, '_type'],
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

  it('the care records (issue 16) are exported; the patient-record ones by default at Patient and Group level', () => {
    const records = [
      'CarePlan',
      'Goal',
      'Condition',
      'MedicationStatement',
      'AllergyIntolerance',
      'Encounter',
      'Communication',
      'AuditEvent',
    ] as const;
    for (const t of [...records, 'PractitionerRole'] as const) expect(exportableTypes).toContain(t);
    for (const t of records) expect(defaultTypes('patient')).toContain(t);
    // A clinician's role holds no patient data: a system-level export has it, the compartment not.
    expect(defaultTypes('patient')).not.toContain('PractitionerRole');
    // Every type the export writes is served by /fhir/R4 too (an exported line is what a read answers).
    for (const t of exportableTypes) expect(handlers.has(t), t).toBe(true);
  });
});
