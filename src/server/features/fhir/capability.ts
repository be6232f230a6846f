import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { ResourceHandler } from './handler.js';

/** Search parameter types, for the CapabilityStatement (names as in the R4 base search parameters). */
const paramTypes: Record<string, 'token' | 'reference' | 'date' | 'uri' | 'string'> = {
  _id: 'token',
  _lastUpdated: 'date',
  _sort: 'string',
  patient: 'reference',
  subject: 'reference',
  actor: 'reference',
  identifier: 'token',
  code: 'token',
  category: 'token',
  status: 'token',
  intent: 'token',
  date: 'date',
  authored: 'date',
  questionnaire: 'reference',
  url: 'uri',
  'clinical-status': 'token',
  'lifecycle-status': 'token',
  sent: 'date',
  practitioner: 'reference',
  role: 'token',
};

const BULK_DATA = 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition';
const bulkExportOperations = [
  { name: 'export', definition: `${BULK_DATA}/export` },
  { name: 'patient-export', definition: `${BULK_DATA}/patient-export` },
  { name: 'group-export', definition: `${BULK_DATA}/group-export` },
];

/** Exactly what is supported: the types, their interactions and search parameters, and the security. */
export function capabilityStatement(
  publicUrl: string,
  handlers: readonly ResourceHandler[],
  creatable: readonly string[],
  at: string,
): CapabilityStatement {
  const resource = (h: ResourceHandler): CapabilityStatementRestResource => ({
    type: h.type,
    interaction: [
      { code: 'read' },
      { code: 'search-type' },
      ...(creatable.includes(h.type) ? [{ code: 'create' as const }] : []),
    ],
    ...(creatable.includes(h.type) ? { conditionalCreate: true } : {}),
    ...(h.includes ? { searchInclude: [...h.includes] } : {}),
    searchParam: [...h.params.filter((p) => p !== '_include'), '_count'].map((name) => ({
      name,
      type: name === '_count' ? 'number' : (paramTypes[name] ?? 'string'),
    })),
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: at,
    kind: 'instance',
    software: { name: 'Duet' },
    implementation: { description: 'Duet FHIR R4 API', url: `${publicUrl}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          description: 'OAuth 2.0 client credentials (POST /oauth2/token); SMART v2 system scopes.',
        },
        // Bulk Data Access IG v2 (docs/fhir.md "Bulk export"): system, Patient and Group (the clinic) level.
        operation: bulkExportOperations,
        resource: handlers.map(resource),
        // POST /fhir/R4 with a transaction Bundle (docs/fhir.md "Writes").
        interaction: [{ code: 'transaction' }],
      },
    ],
  };
}
