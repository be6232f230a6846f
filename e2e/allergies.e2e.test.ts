// Journey (issue 11): Sam, on his phone, tells his care team he is allergic to latex (the form answers at the
// field when he forgets what happened); the prescriber sees it waiting on Sam's patient page beside the demo's
// St John's wort, confirms it, and sees the other medicines with the classes the prescribing check uses; Sam
// then finds it on his record.
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
import { DEMO, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

describe('allergies and other medicines: the patient tells, the prescriber confirms', () => {
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

  it('a latex allergy from the phone, confirmed by the prescriber', { timeout: 240_000 }, async () => {
    const { baseUrl } = server!;
    const chromium = browser!;

    // 1. Sam opens his allergies from the home page and adds latex.
    const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    const patientErrors = watchForPageErrors(patient);
    await signIn(patient, DEMO.patient, /\/home$/);
    await patient.getByRole('link', { name: 'My allergies and medicines' }).click();
    await heading(patient, 'Allergies and other medicines');
    const form = patient.getByRole('region', { name: 'Tell your care team' });
    await form.getByText('An allergy').click();
    await form.getByLabel('What are you allergic to?').fill('Latex');
    await form.getByRole('button', { name: 'Send to my care team' }).click();
    // Nothing sent: the missing answers are named at their fields.
    await form.getByText('Enter what happened (or "not sure").').waitFor();
    await form.getByText('Choose mild, moderate or severe.').waitFor();
    await form.getByLabel('What happened when you had it?').fill('Itchy rash where gloves touched');
    await form.getByRole('radio', { name: 'Moderate' }).check();
    await form.getByRole('button', { name: 'Send to my care team' }).click();
    const waiting = patient.getByRole('region', { name: 'Waiting for your care team' });
    await waiting.getByText('Latex').waitFor();
    await waiting.getByText("St John's wort").waitFor();
    await expectNoAxeViolations(patient, 'allergies-patient');
    await screenshotBoth(patient, 'allergies-patient');

    // 2. The prescriber sees both waiting on Sam's page and confirms the latex allergy.
    const prescriberContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const prescriber = await prescriberContext.newPage();
    const prescriberErrors = watchForPageErrors(prescriber);
    await signIn(prescriber, DEMO.prescriber, /\/caseload$/);
    await prescriber.getByRole('link', { name: 'Rivera, Sam' }).first().click();
    await prescriber.waitForURL(/\/patients\/[^/]+$/);
    const card = prescriber.getByRole('region', { name: 'Allergies and other medicines' });
    const latex = card.getByTestId('pending-entry').filter({ hasText: 'Latex' });
    await latex.waitFor();
    await card.getByTestId('pending-entry').filter({ hasText: "St John's wort" }).waitFor();
    await card.getByText('2 to confirm').waitFor();
    // The demo's GP medicine is matched to the dictionary, with the classes the check uses.
    await card.getByText('sumatriptan: triptan, serotonergic').waitFor();
    await latex.getByRole('button', { name: 'Confirm allergy to Latex', exact: true }).click();
    await card.getByText('1 to confirm').waitFor();
    await card.getByTestId('safety-entry').filter({ hasText: 'Latex' }).waitFor();
    await expectNoAxeViolations(prescriber, 'allergies-prescriber');
    await screenshotBoth(prescriber, 'allergies-prescriber');

    // 3. Sam finds it on his record.
    await patient.reload();
    const record = patient.getByRole('region', { name: 'On your record' });
    await record.getByText('Latex').waitFor();
    await record.getByText(/confirmed by/).waitFor();

    expect(patientErrors()).toEqual([]);
    expect(prescriberErrors()).toEqual([]);
  });
});
