import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAccess } from '../../../shared/audit/describe-access.js';

// Every audited action on a patient's record must read as plain words in the patient's access report
// ("who has seen my record"), not the fallback "used your record". Actions that never name a patient are listed.
const NOT_ABOUT_ONE_PATIENT = new Set([
  'case_review.agenda_read',
  'case_review.session_create',
  'clinic.settings_update',
  'consult.list_mine',
  'medication_catalogue.add',
  'medication_catalogue.edit',
  'plan_template.create',
  // Account security (issue 13): about an account, never naming a patient.
  'security.email_changed',
  'security.password_reset',
  'security.password_reset_requested',
  // API clients (issue 16): managing a client and issuing its tokens name no patient.
  'api_client.create',
  'api_client.rotate',
  'api_client.revoke',
  'api_client.token',
  'api_client.keys',
  // Bulk export (issue 16): starting and cancelling a job name no patient; each exported patient gets fhir.export.
  'fhir.export.start',
  'fhir.export.delete',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [full] : [];
  });
}

const features = path.resolve(import.meta.dirname, '../../features');
const audited = new Set(
  sourceFiles(features).flatMap((f) =>
    [...fs.readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1] ?? ''),
  ),
);

describe('access report words', () => {
  it('finds the audited actions', () => expect(audited.size).toBeGreaterThan(50));
  it.each([...audited].filter((a) => !NOT_ABOUT_ONE_PATIENT.has(a)).sort())('%s has its own words', (a) => {
    expect(describeAccess(a, 'allowed', 'patient')).not.toBe('used your record');
    expect(describeAccess(a, 'allowed', 'team')).not.toBe('used the record');
  });
});
