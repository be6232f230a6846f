import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalPatientIds,
  contentOfColumns,
  hashAuditEvent,
  hashOfContent,
  macAuditEvent,
  macOfContent,
} from './audit-chain.js';
import { keyRingFrom } from './audit-keys.js';

const event = {
  clinic_id: 'c1',
  seq: 1,
  id: 'e1',
  at: 1_700_000_000_000,
  actor_id: 'u1',
  actor_role: 'therapist',
  patient_id: 'p1',
  action: 'patient.read',
  resource_type: 'patient',
  resource_id: 'p1',
  outcome: 'allowed',
  prev_hash: GENESIS_HASH,
};

describe('hashAuditEvent', () => {
  it('is a stable SHA-256 hex digest', () => {
    expect(hashAuditEvent(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEvent({ ...event })).toBe(hashAuditEvent(event));
  });
  it.each(['actor_id', 'patient_id', 'action', 'outcome', 'prev_hash', 'resource_id'] as const)(
    'changes when %s changes',
    (field) => {
      expect(hashAuditEvent({ ...event, [field]: 'tampered' })).not.toBe(hashAuditEvent(event));
    },
  );
  it('changes when the time or sequence changes', () => {
    expect(hashAuditEvent({ ...event, at: event.at + 1 })).not.toBe(hashAuditEvent(event));
    expect(hashAuditEvent({ ...event, seq: 2 })).not.toBe(hashAuditEvent(event));
  });
});

describe('the encoding verification uses', () => {
  const tricky = [
    event,
    { ...event, actor_id: null, actor_role: null, patient_id: null, resource_id: null },
    { ...event, id: 'quote " back\\slash', action: 'line\nbreak\ttab', resource_id: 'ünïcødé 😀 \u2028' },
    { ...event, seq: 9_007_199_254, at: 0, resource_type: '\u0000\u001f', outcome: 'denied' },
  ];
  it.each(tricky.map((e, i) => [i, e] as const))('encodes event %i exactly as the writer does', (_i, e) => {
    const text = contentOfColumns(
      e.clinic_id,
      e.seq,
      e.id,
      e.at,
      e.actor_id,
      e.actor_role,
      e.patient_id,
      e.action,
      e.resource_type,
      e.resource_id,
      e.outcome,
    );
    const key = keyRingFrom('a key for the test').current;
    expect(macOfContent(key, e.prev_hash, text)).toBe(macAuditEvent(key, e));
    expect(hashOfContent(e.prev_hash, text)).toBe(hashAuditEvent(e));
  });
});

describe("a list event's content (issue 19, migration 052)", () => {
  const key = keyRingFrom('list-key').current;
  const macOfList = (ids: readonly string[]) => {
    const patientIds = canonicalPatientIds(ids);
    const text = contentOfColumns(
      'c1',
      7,
      'e7',
      1_700_000_000_000,
      'u1',
      'prescriber',
      null,
      'caseload.read',
      'caseload',
      null,
      'allowed',
      { count: patientIds.length, patientIds },
    );
    return macOfContent(key, GENESIS_HASH, text);
  };
  const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 });

  it('does not depend on the order the list was shown in, nor on a patient shown twice', () => {
    fc.assert(
      fc.property(ids, fc.nat(), (list, n) => {
        const shuffled = [...list].sort(() => (n % 3) - 1);
        const again = [...shuffled, list[n % list.length] ?? ''];
        expect(macOfList(again)).toBe(macOfList(list));
      }),
    );
  });

  it('changes when any one patient is removed or another added', () => {
    fc.assert(
      fc.property(ids, fc.nat(), fc.string({ minLength: 1 }), (list, n, other) => {
        const without = list.filter((_, i) => i !== n % list.length);
        expect(macOfList(without)).not.toBe(macOfList(list));
        if (!list.includes(other)) expect(macOfList([...list, other])).not.toBe(macOfList(list));
      }),
    );
  });

  it('differs from the same event naming no list (an empty list is a list)', () => {
    const plain = contentOfColumns('c1', 7, 'e7', 1, 'u1', 'prescriber', null, 'x', 'y', null, 'allowed');
    const empty = contentOfColumns('c1', 7, 'e7', 1, 'u1', 'prescriber', null, 'x', 'y', null, 'allowed', {
      count: 0,
      patientIds: [],
    });
    expect(empty).not.toBe(plain);
  });
});
