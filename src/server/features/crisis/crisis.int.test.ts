import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type Session } from '../../testing/test-app.js';
import { buildUser, PASSWORD } from '../../testing/factories.js';
import type { SubmitResult } from '../../../shared/measures/schemas.js';
import type { CrisisResourceSet } from '../../../shared/crisis/schemas.js';
import type { ClinicSettings } from '../../../shared/clinic/settings.js';
import { defaultsFor } from '../../../shared/crisis/select.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let admin: Session;
const settingsUrl = '/api/admin/settings';
const crisisUrl = (patientId: string, situation?: string) =>
  `/api/patients/${patientId}/crisis-resources${situation ? `?situation=${situation}` : ''}`;

const clinicLine = {
  kind: 'crisis_line',
  name: 'Lakeside crisis team',
  phone: '+1 312 555 0100',
  sms: '+1 312 555 0101',
  web: 'https://lakeside.example/crisis',
  hours: 'Mon-Fri 9-17',
  languages: ['English', 'Spanish'],
  lastVerified: '2026-11-20',
};

async function storedSettings(): Promise<Record<string, unknown>> {
  const row = await f.t.deps.database.db
    .selectFrom('clinics')
    .select('settings')
    .where('id', '=', f.patient.user.clinicId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.settings) as Record<string, unknown>;
}

async function setPatientCountry(country: string | null) {
  const url = `/api/patients/${f.patient.overview.id}`;
  const current = await call(f.t.app, f.as.therapist, 'GET', url);
  return call(
    f.t.app,
    f.as.therapist,
    'PATCH',
    url,
    { country },
    { 'if-match': current.headers.etag as string },
  );
}

beforeAll(async () => {
  f = await messagingFixture();
  const adminUser = await buildUser(f.t.deps, f.patient.user.clinicId, 'admin', 'Ada Admin');
  admin = await signIn(f.t.app, adminUser.email, PASSWORD);
});
afterAll(() => f.t.close());

describe('clinic settings: country and crisis resources', () => {
  it('PUT crisisResources persists (the clinic country filled in) and GET returns them', async () => {
    const res = await call(f.t.app, admin, 'PUT', settingsUrl, { crisisResources: [clinicLine] });
    expect(res.statusCode).toBe(200);
    expect(res.json<ClinicSettings>().crisisResources).toMatchObject([{ ...clinicLine, country: 'US' }]);
    const read = await call(f.t.app, admin, 'GET', settingsUrl);
    expect(read.json<ClinicSettings>()).toMatchObject({
      country: 'US',
      crisisResources: [{ name: clinicLine.name }],
    });
    expect((await storedSettings()).crisisResources).toHaveLength(1);
  });

  it('PUT {escalationHours: 3} keeps the crisis resources and every other stored key', async () => {
    // A key this version does not know (e.g. written by a newer version) must survive too.
    const stored = await storedSettings();
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ ...stored, futureKey: { a: 1 } }) })
      .where('id', '=', f.patient.user.clinicId)
      .execute();
    const res = await call(f.t.app, admin, 'PUT', settingsUrl, { escalationHours: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json<ClinicSettings>()).toMatchObject({
      escalationHours: 3,
      crisisResources: [{ name: clinicLine.name }],
    });
    const after = await storedSettings();
    expect(after).toMatchObject({ escalationHours: 3, futureKey: { a: 1 } });
    expect(after.crisisResources).toEqual(stored.crisisResources);
  });

  it('refuses a bad country and a bad entry, naming the field; nothing is saved', async () => {
    const before = await storedSettings();
    const country = await call(f.t.app, admin, 'PUT', settingsUrl, { country: 'Germany' });
    expect(country.statusCode).toBe(400);
    expect(JSON.stringify(country.json())).toContain('country');
    const entry = await call(f.t.app, admin, 'PUT', settingsUrl, {
      crisisResources: [{ ...clinicLine, phone: 'call us', web: 'lakeside.example' }],
    });
    expect(entry.statusCode).toBe(400);
    const paths = entry.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringContaining('crisisResources.0.phone'),
        expect.stringContaining('crisisResources.0.web'),
      ]),
    );
    expect(await storedSettings()).toEqual(before);
  });

  it('only an admin may change them', async () => {
    const res = await call(f.t.app, f.as.therapist, 'PUT', settingsUrl, { crisisResources: [] });
    expect(res.statusCode).toBe(403);
  });
});

describe('the patient sees their own country', () => {
  it("by default the clinic's country and its own list", async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', crisisUrl(f.patient.overview.id));
    expect(res.statusCode).toBe(200);
    const set = res.json<CrisisResourceSet>();
    expect(set).toMatchObject({ country: 'US', from: 'clinic', situation: 'self_harm' });
    expect(set.resources.map((r) => r.name)).toEqual([clinicLine.name, 'Emergency services']);
  });

  it('a patient in Germany gets TelefonSeelsorge and 112, from the endpoint and the item-9 answer', async () => {
    const patched = await setPatientCountry('DE');
    expect(patched.statusCode).toBe(200);
    expect(patched.json<{ country: string }>().country).toBe('DE');

    const selfHarm = (
      await call(f.t.app, f.as.patient, 'GET', crisisUrl(f.patient.overview.id, 'self_harm'))
    ).json<CrisisResourceSet>();
    expect(selfHarm).toMatchObject({
      country: 'DE',
      countryName: 'Germany',
      from: 'defaults',
      noCrisisLine: false,
    });
    // Germany's row of crisis-lines.md (the numbers themselves live only in shared/crisis/defaults.ts).
    const [emergency, telefonSeelsorge] = defaultsFor('DE');
    expect(telefonSeelsorge?.name).toBe('TelefonSeelsorge');
    expect(selfHarm.resources).toEqual([telefonSeelsorge, emergency]);
    expect(selfHarm.resources[0]?.otherPhones).toHaveLength(2);

    const physical = (
      await call(f.t.app, f.as.careManager, 'GET', crisisUrl(f.patient.overview.id, 'physical_emergency'))
    ).json<CrisisResourceSet>();
    expect(physical.resources).toEqual([emergency, telefonSeelsorge]);

    const submit = await call(
      f.t.app,
      f.as.patient,
      'POST',
      `/api/patients/${f.patient.overview.id}/measures`,
      {
        id: uuid(),
        instrument: 'phq9',
        answers: { items: [1, 1, 1, 1, 1, 1, 1, 1, 2] },
      },
    );
    expect(submit.statusCode).toBe(201);
    const crisis = submit.json<SubmitResult>().crisis;
    expect(crisis?.country).toBe('DE');
    expect(crisis?.resources.map((r) => r.name)).toEqual(['TelefonSeelsorge', 'Emergency services']);
    expect(crisis?.resources.map((r) => r.phone)).toEqual([telefonSeelsorge?.phone, emergency?.phone]);
    // Nothing of the US set (the clinic's own entry included) reaches the German patient.
    const shown = JSON.stringify(crisis);
    for (const us of [...defaultsFor('US'), clinicLine])
      if (us.phone) expect(shown).not.toContain(JSON.stringify(us.phone));
  });

  it('with no country recorded, a patient whose time zone is Europe/Berlin gets the German set', async () => {
    const url = `/api/patients/${f.patient.overview.id}`;
    const current = await call(f.t.app, f.as.therapist, 'GET', url);
    const patched = await call(
      f.t.app,
      f.as.therapist,
      'PATCH',
      url,
      { country: null, timeZone: 'Europe/Berlin' },
      { 'if-match': current.headers.etag as string },
    );
    expect(patched.statusCode).toBe(200);
    const set = (
      await call(f.t.app, f.as.patient, 'GET', crisisUrl(f.patient.overview.id, 'self_harm'))
    ).json<CrisisResourceSet>();
    expect(set.country).toBe('DE');
    expect(set.resources[0]?.name).toBe('TelefonSeelsorge');
    // Back to the clinic's zone and country for the tests that follow.
    const again = await call(f.t.app, f.as.therapist, 'GET', url);
    const restored = await call(
      f.t.app,
      f.as.therapist,
      'PATCH',
      url,
      { country: 'DE', timeZone: current.json<{ timeZone: string }>().timeZone },
      { 'if-match': again.headers.etag as string },
    );
    expect(restored.statusCode).toBe(200);
  });

  it("the clinic's own entries for Germany replace the German defaults", async () => {
    const res = await call(f.t.app, admin, 'PUT', settingsUrl, {
      crisisResources: [
        clinicLine,
        {
          ...clinicLine,
          country: 'DE',
          name: 'Berliner Krisendienst',
          phone: '030 390 63 10',
          sms: null,
          web: null,
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const set = (
      await call(f.t.app, f.as.patient, 'GET', crisisUrl(f.patient.overview.id))
    ).json<CrisisResourceSet>();
    // Their crisis line first; no emergency entry was set, so Germany's default one is still there.
    expect(set).toMatchObject({ from: 'clinic', noEmergencyNumber: false });
    expect(set.resources.map((r) => r.name)).toEqual(['Berliner Krisendienst', 'Emergency services']);
  });

  it('a country outside the list is refused at its field', async () => {
    const res = await setPatientCountry('XX');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('body.country');
  });

  it('a clinician not on the team, and another patient, get 404; a bad situation 400', async () => {
    const url = crisisUrl(f.patient.overview.id);
    expect((await call(f.t.app, f.as.outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', url)).statusCode).toBe(404);
    expect(
      (await call(f.t.app, f.as.patient, 'GET', crisisUrl(f.patient.overview.id, 'flood'))).statusCode,
    ).toBe(400);
  });

  it('reading them is audited on the patient record', async () => {
    const rows = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', '=', 'crisis_resources.read')
      .execute();
    expect(rows.some((r) => r.outcome === 'allowed')).toBe(true);
  });
});
