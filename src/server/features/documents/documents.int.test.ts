import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser } from '../../testing/factories.js';
import { pdfPages } from '../../platform/pdf/pdf-text.test-kit.js';
import { myRecordSchema } from '../../../shared/documents/my-record.js';
import { documentsFixture, NEVER, type DocumentsFixture } from './documents.test-kit.js';

let f: DocumentsFixture;
beforeAll(async () => {
  f = await documentsFixture();
});
afterAll(() => f.t.close());

async function pdfOf(res: {
  statusCode: number;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
  body: string;
}) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(String(res.headers['content-disposition'])).toMatch(
    /^attachment; filename="[a-z-]+-2026-11-02\.pdf"$/,
  );
  const pages = await pdfPages(res.rawPayload);
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((text, i) => {
    expect(text).toContain('Documents — born 1990-05-17');
    expect(text).toContain(`Confidential — Test clinic — page ${String(i + 1)} of ${String(pages.length)}`);
  });
  const all = pages.join('\n');
  expect(all).not.toContain(NEVER.note);
  expect(all).not.toContain(NEVER.teamThread);
  return { pages, all };
}

describe('GET /api/patients/:patientId/documents/:kind.pdf', () => {
  it('medication list: current medicines, dose, times, prescriber, allergies, and a wallet card page', async () => {
    const res = await call(
      f.t.app,
      f.s.prescriber,
      'GET',
      `/api/patients/${f.p}/documents/medication-list.pdf`,
    );
    const { pages, all } = await pdfOf(res);
    expect(all).toContain('Sertraline (tablet, oral)');
    expect(all).toContain('50 mg');
    expect(all).toContain('08:00 every day');
    expect(all).toContain('Pete Prescriber');
    expect(all).toContain('Penicillin');
    expect(all).toContain('Hives');
    expect(pages.at(-1)).toContain('Wallet card');
    expect(pages.at(-1)).toContain('card 1 of 1');
    // UTC patient, clinic country US by default: Letter; ?paper=A4 asks for A4
    expect(res.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
    const a4 = await call(
      f.t.app,
      f.s.prescriber,
      'GET',
      `/api/patients/${f.p}/documents/medication-list.pdf?paper=A4`,
    );
    expect(a4.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('measurement report: baseline, latest, change, response and remission, bands named with their source', async () => {
    const res = await call(
      f.t.app,
      f.s.careManager,
      'GET',
      `/api/patients/${f.p}/documents/measurement-report.pdf`,
    );
    const { all } = await pdfOf(res);
    expect(all).toContain('18 on 2026-09-13');
    expect(all).toContain('4 on 2026-10-30 (None/minimal)');
    expect(all).toContain('-14 points (-77.8%)');
    expect(all).toMatch(/PHQ-9 3 18 on 2026-09-13 .* Yes Yes/);
    expect(all).toMatch(/GAD-7 2 14 on .* Yes Not defined/);
    expect(all).toContain('Moderately severe 15-19');
    expect(all).toContain('Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606-613');
  });

  it('diary card: days as rows, therapist-only cards for the therapist alone', async () => {
    const url = `/api/patients/${f.p}/documents/diary-card.pdf?week=2026-10-28`;
    const therapist = await pdfOf(await call(f.t.app, f.s.therapist, 'GET', url));
    expect(therapist.all).toContain('Week of 2026-10-26 to 2026-11-01: 2 of 7 days filled in');
    expect(therapist.all).toContain('Day Sadness (0-5) Urge: Self-harm (0-5) Distress (0-10) Skills used');
    expect(therapist.all).toContain('Wed 10-28 3 1 (not acted) 6 Opposite action');
    expect(therapist.all).toContain(NEVER.therapistCard);
    const prescriber = await pdfOf(await call(f.t.app, f.s.prescriber, 'GET', url));
    expect(prescriber.all).toContain('1 of 7 days filled in');
    expect(prescriber.all).not.toContain(NEVER.therapistCard);
    expect(prescriber.all).not.toContain('Radical acceptance');
  });

  it('treatment plan as agreed: signatures with who and when, the acknowledgement', async () => {
    const { all } = await pdfOf(
      await call(f.t.app, f.s.therapist, 'GET', `/api/patients/${f.p}/documents/treatment-plan.pdf`),
    );
    expect(all).toContain('Tess Therapist Therapist 2026-09-27 15:00');
    expect(all).toContain('Pete Prescriber Prescriber 2026-09-28 15:00');
    expect(all).toContain('acknowledged this plan on 2026-09-29 15:00');
    expect(all).toContain('every 4 weeks for the first 12 weeks');
    expect(all).toContain('Safety plan No safety plan written in this version.');
  });

  it('is audited against the patient and shows in the access report in words', async () => {
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_id', 'outcome'])
      .where('patient_id', '=', f.p)
      .where('action', 'like', 'document.%')
      .execute();
    expect(audit).toContainEqual({
      action: 'document.medication_list',
      resource_id: 'medication-list',
      outcome: 'allowed',
    });
    expect(audit).toContainEqual({
      action: 'document.diary_card',
      resource_id: 'diary-card',
      outcome: 'allowed',
    });
    const patient = await f.signInPatient(f.p);
    const report = await call(f.t.app, patient, 'GET', `/api/patients/${f.p}/access-report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('printed your medication list');
    expect(report.body).toContain('printed a week of your diary card');
  });

  it('404 for a clinician off the team and for another clinic’s patient; the patient uses /api/me', async () => {
    const off = await call(
      f.t.app,
      f.s.outsider,
      'GET',
      `/api/patients/${f.p}/documents/medication-list.pdf`,
    );
    expect(off.statusCode).toBe(404);
    const other = await buildClinic(f.t.deps, 'Other clinic');
    const otherTherapist = await buildUser(f.t.deps, other, 'therapist', 'Other Therapist');
    const stranger = await buildPatient(f.t.deps, otherTherapist, [
      { user: otherTherapist, role: 'therapist' },
    ]);
    const res = await call(
      f.t.app,
      f.s.therapist,
      'GET',
      `/api/patients/${stranger.overview.id}/documents/treatment-plan.pdf`,
    );
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    const patient = await f.signInPatient(f.p);
    const own = await call(f.t.app, patient, 'GET', `/api/patients/${f.p}/documents/medication-list.pdf`);
    expect(own.statusCode).toBe(404); // the patient downloads through /api/me/documents
    const bad = await call(
      f.t.app,
      f.s.therapist,
      'GET',
      `/api/patients/${f.p}/documents/psychotherapy-notes.pdf`,
    );
    expect(bad.statusCode).toBe(400);
  });
});

describe('the patient’s own documents and My record', () => {
  it('the patient downloads their own medication list; the care team is told to use the patient page (403)', async () => {
    const patient = await f.signInPatient(f.p);
    const { all } = await pdfOf(await call(f.t.app, patient, 'GET', '/api/me/documents/medication-list.pdf'));
    expect(all).toContain('Sertraline');
    const staff = await call(f.t.app, f.s.therapist, 'GET', '/api/me/documents/medication-list.pdf');
    expect(staff.statusCode).toBe(403);
    const diary = await pdfOf(
      await call(f.t.app, patient, 'GET', '/api/me/documents/diary-card.pdf?week=2026-10-28'),
    );
    expect(diary.all).not.toContain(NEVER.therapistCard);
  });

  it('My record PDF: plan, medicines and dose history, scores, appointments, shared practice, messages, who has seen it', async () => {
    const patient = await f.signInPatient(f.p);
    const { pages, all } = await pdfOf(
      await call(f.t.app, patient, 'GET', '/api/me/documents/my-record.pdf'),
    );
    expect(pages.length).toBeGreaterThan(2);
    for (const words of [
      'Treatment plan',
      'Tess Therapist',
      'Partial response at week 4',
      'Penicillin',
      'PHQ-9 over time',
      'Practice shared with your care team',
      'Hard day at work',
      'I sleep better since the change',
      'Who has seen your record',
      'opened your record',
    ])
      expect(all).toContain(words);
    expect(all).not.toContain(NEVER.therapistCard);
  });

  it('My record JSON: documented format and version, the same record, nothing private', async () => {
    const patient = await f.signInPatient(f.p);
    const res = await call(f.t.app, patient, 'GET', '/api/me/documents/my-record.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-record-2026-11-02.json"');
    const record = myRecordSchema.parse(res.json());
    expect(record).toMatchObject({
      format: 'duet.my-record',
      version: 1,
      generatedAt: '2026-11-02T15:00:00.000Z',
    });
    expect(record.patient).toMatchObject({ birthDate: '1990-05-17', timeZone: 'UTC' });
    expect(record.medications[0]).toMatchObject({ name: 'Sertraline', prescriber: 'Pete Prescriber' });
    expect(record.medications[0]?.history).toEqual([
      {
        day: '2026-10-21',
        change: 'dose_changed',
        summary: 'Dose 50 mg to 100 mg',
        reason: 'Partial response at week 4',
      },
    ]);
    expect(record.scores.map((s) => `${s.questionnaire}:${String(s.total)}`)).toEqual([
      'PHQ-9:18',
      'GAD-7:14',
      'PHQ-9:9',
      'PHQ-9:4',
      'GAD-7:6',
    ]);
    expect(record.treatmentPlan?.signatures.map((s) => s.name)).toEqual([
      'Tess Therapist',
      'Pete Prescriber',
    ]);
    expect(record.messages.map((m) => m.text)).toEqual([
      'I sleep better since the change',
      'Good to hear, keep the diary going',
    ]);
    expect(record.practice).toHaveLength(1);
    expect(
      record.accessReport.some((l) => l.who === 'Tess Therapist' && l.what === 'opened your record'),
    ).toBe(true);
    for (const secret of Object.values(NEVER)) expect(res.body).not.toContain(secret);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', f.p)
      .where('action', 'in', ['document.my_record', 'document.my_record_json'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['document.my_record', 'document.my_record_json']);
    const staff = await call(f.t.app, f.s.therapist, 'GET', '/api/me/documents/my-record.json');
    expect(staff.statusCode).toBe(403);
  });
});
