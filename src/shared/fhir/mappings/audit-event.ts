import type { AuditEvent, AuditEventAgent } from '@medplum/fhirtypes';
import { describeAccess } from '../../audit/describe-access.js';
import { instant, ref, type MappingContext } from './common.js';

/** DICOM audit event id 110110 "Patient Record" (hl7.org/fhir/R4/valueset-audit-event-type.html). */
export const DCM = 'http://dicom.nema.org/resources/ontology/DCM';

/** One line of the patient's access report: someone (or an integration) opened or changed the record. */
export interface AccessEntryInput {
  id: string;
  clinicId: string;
  patientId: string;
  at: number;
  actorId: string;
  /** 'patient', a staff role, or 'api_client'. */
  actorRole: string | null;
  actorName: string | null;
  action: string;
  /** 'allowed' | 'denied' */
  outcome: string;
}

const readsLike = /\.(read|list|search|export)(\.|$)|\.read_/;

function who(e: AccessEntryInput): NonNullable<AuditEventAgent['who']> {
  const display = e.actorName ?? undefined;
  if (e.actorRole === 'patient') return ref('Patient', e.patientId, display);
  if (e.actorRole === 'api_client') return { display: display ?? 'An integration of the clinic' };
  return ref('Practitioner', e.actorId, display);
}

/**
 * An access-report entry as an AuditEvent: type "Patient Record", Duet's action as the subtype with the access
 * report's words, R for a read and E otherwise, outcome 0 (allowed) or 4 (refused), the patient as the entity.
 */
export function toAuditEvent(e: AccessEntryInput, ctx: MappingContext): AuditEvent {
  const outcome = e.outcome === 'denied' ? 'denied' : 'allowed';
  return {
    resourceType: 'AuditEvent',
    id: e.id,
    meta: { lastUpdated: instant(e.at) },
    type: { system: DCM, code: '110110', display: 'Patient Record' },
    subtype: [
      {
        system: `${ctx.base}/CodeSystem/audit-action`,
        code: e.action,
        display: describeAccess(e.action, 'allowed', 'team'),
      },
    ],
    action: readsLike.test(e.action) ? 'R' : 'E',
    recorded: instant(e.at),
    outcome: outcome === 'denied' ? '4' : '0',
    outcomeDesc: describeAccess(e.action, outcome, 'team'),
    agent: [{ who: who(e), requestor: true }],
    source: { observer: ref('Organization', e.clinicId) },
    entity: [{ what: ref('Patient', e.patientId) }],
  };
}
