import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/test-app.js';
import type { BuiltUser } from '../../../testing/factories.js';
import { seedDemoClinic } from '../../../demo/seed-demo.js';
import { buildApiClient, tokenFor } from '../../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { exportSettled } from './export.service.js';

// Issue 16: "an export of the demo clinic read back and counted". The demo clinic is seeded through the real
// use cases, a whole-clinic API client exports it (system level, every type), and each file is read back:
// every line valid R4, the counts those of the clinic's own tables, nothing private in any line.
let t: TestContext;
let dataDir: string;
let token: string;
let clinicId: string;

const inject = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });
const pathOf = (url: string) => url.slice('http://localhost:3000'.length);

beforeAll(async () => {
  t = await createTestContext();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'duet-export-demo-'));
  t.deps.config.dataDir = dataDir;
  expect(await seedDemoClinic(t.deps)).toBe(true);
  const adminRow = await t.deps.database.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'clinic_id'])
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  clinicId = adminRow.clinic_id;
  const admin: BuiltUser = {
    id: adminRow.id,
    email: adminRow.email,
    name: adminRow.name,
    role: 'admin',
    clinicId,
    actor: {
      userId: adminRow.id,
      role: 'admin',
      clinicId,
      patientId: null,
      sessionIdHash: '',
      csrfToken: '',
    },
  };
  token = await tokenFor(t.app, await buildApiClient(t.deps, admin, 'system/*.rs'));
});

afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const countOf = async (table: 'patients' | 'questionnaire_responses' | 'medications' | 'appointments') =>
  Number(
    (
      await t.deps.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('clinic_id', '=', clinicId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bulk export of the demo clinic', () => {
  it('exports every type; read back, each line is valid R4 and the counts are the clinic’s', async () => {
    const kickOff = await inject('/fhir/R4/$export', {
      prefer: 'respond-async',
      accept: 'application/fhir+json',
    });
    expect(kickOff.statusCode, kickOff.body).toBe(202);
    const statusUrl = pathOf(String(kickOff.headers['content-location']));
    await exportSettled(statusUrl.split('/').at(-1) ?? '');
    const status = await inject(statusUrl);
    expect(status.statusCode, status.body).toBe(200);
    const manifest = status.json<{
      output: { type: string; url: string; count: number }[];
      error: unknown[];
    }>();
    expect(manifest.error).toEqual([]);

    const byType = new Map<string, Resource[]>();
    for (const out of manifest.output) {
      const file = await inject(pathOf(out.url));
      expect(file.statusCode).toBe(200);
      const lines = file.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Resource);
      expect(lines).toHaveLength(out.count);
      for (const resource of lines) {
        expect(resource.resourceType).toBe(out.type);
        validateR4(resource);
      }
      byType.set(out.type, [...(byType.get(out.type) ?? []), ...lines]);
      // Psychotherapy notes are never exported: no line carries the demo therapist's private working note
      // (src/server/demo/demo-notes.ts).
      expect(file.body).not.toContain('the rejection seems to echo how his father spoke about failure');
    }

    const count = (type: string) => byType.get(type)?.length ?? 0;
    expect(count('Patient')).toBe(await countOf('patients'));
    expect(count('MedicationRequest')).toBe(await countOf('medications'));
    expect(count('Appointment')).toBe(await countOf('appointments'));
    expect(count('QuestionnaireResponse')).toBe(await countOf('questionnaire_responses'));
    expect(count('Organization')).toBe(1);
    expect(count('Questionnaire')).toBe(2);
    // The demo tells one story across the features: every patient-record type has something in it.
    for (const type of [
      'CareTeam',
      'Observation',
      'CarePlan',
      'MedicationStatement',
      'Communication',
      'AuditEvent',
    ])
      expect(count(type), type).toBeGreaterThan(0);
  });
});
