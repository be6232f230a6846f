// Journey: a therapist enrols a patient and builds the care team; the patient signs up from the emailed
// link and sees the team and who opened the record; a therapist outside the team cannot find the patient.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshotBoth,
  watchForPageErrors,
} from './support/browser';
import { DEMO, apiFromPage, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';
import { sentInviteLink } from './support/mail-store';

describe('a therapist enrols a patient', () => {
  let server: DuetServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrols, edits the team, the patient signs up and outsiders get not found', async () => {
    const { baseUrl } = server!;
    const chromium = browser!;
    const email = `riley.morgan.${Date.now()}@example.test`;
    const password = 'quiet river morning 2026';

    // 1. The therapist enrols Riley with the demo prescriber and herself.
    const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const therapist = await therapistContext.newPage();
    const therapistErrors = watchForPageErrors(therapist);
    await signIn(therapist, DEMO.therapist, /\/caseload$/);
    await heading(therapist, 'My caseload');
    await therapist.getByRole('link', { name: /Rivera, Sam/ }).waitFor();
    await expectNoAxeViolations(therapist, 'caseload');
    await screenshotBoth(therapist, 'caseload');

    await therapist.getByRole('main').getByRole('link', { name: 'Enrol patient' }).click();
    await therapist.waitForURL(/\/patients\/new$/);
    await heading(therapist, 'Enrol patient');
    await therapist.getByLabel('Given name').fill('Riley');
    await therapist.getByLabel('Family name').fill('Morgan');
    await therapist.getByLabel('Date of birth').fill('1994-05-17');
    await therapist.getByLabel('Email').fill(email);
    await therapist.getByLabel('Phone').fill('+1 312 555 0142');
    await therapist.getByLabel('Medical record number (MRN)').fill('E2E-1001');
    await expect(therapist.getByLabel('Time zone').inputValue()).resolves.toBe('America/Chicago');
    const team = therapist.getByRole('region', { name: 'Care team' });
    await expect(team.getByLabel('Therapist').locator('option:checked').textContent()).resolves.toBe(
      'Priya Shah',
    );
    await team.getByLabel('Prescriber').selectOption({ label: 'Daniel Okafor' });
    await expectNoAxeViolations(therapist, 'enrol patient');
    await screenshotBoth(therapist, 'enrol-patient');
    // The history card's first read is answered only after the team is saved, as under CI load (runs 7 and 9
    // of 2026-12-07: the read's shared audit commit waited behind the save): read before the save, answered
    // after it. The card must still show the change, not that earlier answer.
    const firstHistory = await holdFirstAnswer(therapist, /\/api\/patients\/[^/]+\/care-team\/history(\?|$)/);
    await therapist.getByRole('button', { name: 'Enrol and send invitation' }).click();

    await therapist.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    const patientId = new URL(therapist.url()).pathname.split('/').pop() ?? '';
    await heading(therapist, 'Riley Morgan');
    const teamCard = therapist.getByRole('region', { name: 'Care team' });
    await teamCard.getByText('Daniel Okafor').waitFor();
    await expect(teamCard.textContent()).resolves.toContain('Priya Shah');

    // 2. She adds the care manager; the history shows it.
    await teamCard.getByRole('button', { name: 'Edit team' }).click();
    await teamCard.getByLabel('Care manager').selectOption({ label: 'Jordan Lee' });
    await firstHistory.answered();
    await teamCard.getByRole('button', { name: 'Save team' }).click();
    // The editor closes once the save's answer is stored (and the history asked again).
    await teamCard.getByRole('button', { name: 'Edit team' }).waitFor();
    await teamCard.getByText('Jordan Lee').waitFor();
    firstHistory.release();
    const history = therapist.getByRole('region', { name: 'Team change history' });
    await history.getByText(/Jordan Lee added as care manager/).waitFor();
    await expectNoAxeViolations(therapist, 'patient overview');
    await screenshotBoth(therapist, 'patient-overview');
    expect(therapistErrors()).toEqual([]);
    await therapistContext.close();

    // 3. The admin's outbox holds Riley's invitation.
    const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin, /\/admin\/users$/);
    // The admin sees that the mail went out, never a usable link (issue 13, V5).
    const outbox = await apiFromPage(admin, '/api/admin/outbox');
    expect(outbox.status).toBe(200);
    const shown = (outbox.body as { mails: { to: string; text: string }[] }).mails.find(
      (m) => m.to === email,
    );
    expect(shown?.text).toMatch(/link hidden/);
    expect(shown?.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]/);
    const invitePath = sentInviteLink(server!, email);
    await adminContext.close();

    // 4. Riley signs up on a phone and sees the team and the therapist's visit.
    const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    const patientErrors = watchForPageErrors(patient);
    await patient.goto(invitePath);
    await heading(patient, /^Welcome to /);
    await expectNoAxeViolations(patient, 'patient invite');
    await screenshotBoth(patient, 'invite-patient');
    await patient.getByLabel('Choose a password').fill(password);
    await patient.getByLabel('Type it again').fill(password);
    await patient.getByRole('button', { name: 'Set password and sign in' }).click();
    await patient.waitForURL(/\/home$/);
    await heading(patient, /, Riley$/);
    const careTeam = patient.getByRole('region', { name: 'Your care team' });
    await careTeam.getByText('Priya Shah').waitFor();
    const cards = (await careTeam.textContent()) ?? '';
    expect(cards).toMatch(/Your therapist\s*Priya Shah/);
    expect(cards).toMatch(/Your prescriber\s*Daniel Okafor/);
    expect(cards).toMatch(/Your care manager\s*Jordan Lee/);
    await expectNoAxeViolations(patient, 'patient home');
    await screenshotBoth(patient, 'patient-home');

    await patient
      .getByRole('main')
      .getByRole('link', { name: /Who has seen my record/ })
      .click();
    await patient.waitForURL(/\/home\/access$/);
    await heading(patient, 'Who has seen my record');
    await patient
      .getByText(/Priya Shah, therapist/)
      .first()
      .waitFor();
    await expectNoAxeViolations(patient, 'patient access report');
    await screenshotBoth(patient, 'patient-access');
    expect(patientErrors()).toEqual([]);
    await patientContext.close();

    // 5. A therapist outside the team gets "not found", from the page and from the API.
    const outsiderContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const outsider = await outsiderContext.newPage();
    await signIn(outsider, DEMO.therapist2, /\/caseload$/);
    await outsider.goto(`/patients/${patientId}`);
    await heading(outsider, 'Patient not found');
    await expect(outsider.getByText('Riley').count()).resolves.toBe(0);
    const answer = await apiFromPage(outsider, `/api/patients/${patientId}`);
    expect(answer.status).toBe(404);
    await expectNoAxeViolations(outsider, 'patient not found');
    await screenshotBoth(outsider, 'patient-not-found');
    await outsiderContext.close();
  });
});

/**
 * Holds the answer to the first request to `url`: it is sent on at once (`answered()` settles once the server
 * has answered it) and handed to the page only after `release()`. Later requests pass untouched.
 */
async function holdFirstAnswer(page: Page, url: RegExp) {
  let markRead: () => void = () => undefined;
  let release: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (markRead = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(url, async (route) => {
    if (!first) return route.continue();
    first = false;
    const answer = await route.fetch();
    markRead();
    await released;
    await route.fulfill({ response: answer });
  });
  // Waited for like any step (30 s), never for ever: a request that never comes fails the journey here.
  const answered = () =>
    Promise.race([
      read,
      page.waitForTimeout(30_000).then(() => {
        throw new Error(`no answer to ${String(url)} within 30 s`);
      }),
    ]);
  return { answered, release };
}
