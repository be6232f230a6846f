import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEvent } from './audit-chain.js';

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
