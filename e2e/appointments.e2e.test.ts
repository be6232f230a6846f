// Journey (issue 6, appointments): the therapist opens the demo patient's appointments (weekly sessions with a
// no-show and a late cancellation, the attendance chart), books a fortnightly series; the patient sees the next
// appointment on the phone's home page and cancels one ("I can't come"); the therapist sees who cancelled.
import type { Browser } from 'playwright-core';
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

type Caseload = { patients: { id: string; givenName: string }[] };

describe('appointments: schedule, attendance and the patient cancelling', () => {
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

  it('works end to end', { timeout: 180_000 }, async () => {
    if (!server || !browser) throw new Error('not started');
    const therapistContext = await newContext(browser, { baseURL: server.baseUrl, viewport: DESKTOP });
    const therapist = await therapistContext.newPage();
    const therapistErrors = watchForPageErrors(therapist);
    await signIn(therapist, DEMO.therapist, /\/caseload$/);
    const caseload = (await apiFromPage(therapist, '/api/patients')).body as Caseload;
    const sam = caseload.patients.find((p) => p.givenName === 'Sam');
    if (!sam) throw new Error('demo patient Sam missing');

    // The compact card on the patient page links to the appointments page.
    await therapist.goto(`/patients/${sam.id}`);
    const card = therapist.getByRole('region', { name: 'Appointments' });
    await card.getByText(/Attendance \d+% in the last 90 days/).waitFor();
    await card.getByRole('link', { name: 'Schedule and attendance' }).click();
    await heading(therapist, /^Appointments/);
    await therapist.getByText('No-show', { exact: true }).first().waitFor();
    await therapist.getByText(/Cancelled by the patient, late/).waitFor();
    await therapist
      .getByText(/in the last 90 days/)
      .first()
      .waitFor();
    await expectNoAxeViolations(therapist, 'appointments page (therapist)');
    await screenshotBoth(therapist, 'appointments-01-therapist');

    // A fortnightly series of 3, a month from now.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await therapist.getByLabel('First day').fill(day);
    await therapist.getByLabel('Time').fill('15:30');
    await therapist.getByText('Every 2 weeks', { exact: true }).click();
    await therapist.getByLabel('Sessions').fill('3');
    await therapist.getByRole('button', { name: 'Book series' }).click();
    await therapist.getByText('3 appointments booked.').waitFor();

    // The weekly sessions move to 11:00 from the next one on (this and the following).
    await therapist
      .getByRole('button', { name: /^Move: Therapy session/ })
      .first()
      .click();
    const dialog = therapist.getByRole('dialog');
    await dialog.getByLabel('New time').fill('11:00');
    await dialog.getByText('This and the following', { exact: true }).click();
    await expectNoAxeViolations(therapist, 'move dialog');
    await screenshotBoth(therapist, 'appointments-05-move');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // One time format (issue 15): the browser's locale (en-US here, 12 hours); Sam is in the viewer's zone.
    await therapist
      .getByText(/, 11:00\sAM$/)
      .first()
      .waitFor();
    expect(await therapist.getByText(/, 11:00\sAM$/).count()).toBeGreaterThanOrEqual(3);

    // The patient, on the phone: the next appointment on the home page, then cancels it.
    const patientContext = await newContext(browser, { baseURL: server.baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    const patientErrors = watchForPageErrors(patient);
    await signIn(patient, DEMO.patient, /\/home$/);
    const next = patient.getByRole('region', { name: 'Your next appointment' });
    await next.getByText(/Therapy session with Priya Shah/).waitFor();
    // (The home page's axe check belongs to its own journey: other cards share it.)
    await screenshotBoth(patient, 'appointments-02-patient-home');
    await next.getByRole('link', { name: /appointments/i }).click();
    await heading(patient, 'My appointments');
    await expectNoAxeViolations(patient, 'my appointments');
    await screenshotBoth(patient, 'appointments-03-patient-list');
    await patient.getByRole('button', { name: "I can't come" }).first().click();
    await patient.getByLabel(/Anything you want your care team to know/).fill('Work trip, sorry.');
    await screenshotBoth(patient, 'appointments-04-patient-cancel');
    await patient.getByRole('button', { name: 'Cancel appointment' }).click();
    await patient.getByText('Cancelled', { exact: true }).first().waitFor();

    // The therapist sees it was the patient.
    await therapist.reload();
    await therapist.getByText(/Cancelled by the patient.*Work trip, sorry\./).waitFor();

    expect(therapistErrors()).toEqual([]);
    expect(patientErrors()).toEqual([]);
  });
});
