// Journey (issue 4): the prescriber starts sertraline 50 mg daily with a step to 100 mg after two weeks; the
// patient sees today's dose, logs it taken, skips the next dose because of nausea and reports moderate nausea;
// the prescriber gets the alert, answers, and changes the dose; the therapist sees adherence and the report
// on the patient page. Tom Becker (demo, Europe/Berlin, on lamotrigine with slipping evening doses) is the
// patient: not improving at week 11, so adding sertraline is the prescriber's move.
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
import { DEMO, heading, reloadUntil, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

const TOM = 'patient3@demo.duet.test';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

describe('medications: prescribe, take, skip, report, answer, adherence', () => {
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

  it(
    'sertraline with a titration step, logged and skipped by the patient, nausea answered with a dose change',
    { timeout: 300_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;

      // 1. The prescriber opens Tom's medications and starts sertraline 50 mg daily, 100 mg after two weeks.
      const prescriberContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const prescriber = await prescriberContext.newPage();
      const prescriberErrors = watchForPageErrors(prescriber);
      await signIn(prescriber, DEMO.prescriber, /\/caseload$/);
      await prescriber.getByRole('link', { name: 'Becker, Tom' }).first().click();
      await prescriber.waitForURL(/\/patients\/[^/]+$/);
      const patientPath = new URL(prescriber.url()).pathname;
      await prescriber.goto(`${patientPath}/medications`);
      await heading(prescriber, 'Medications');
      await prescriber.getByRole('button', { name: 'Start a medication' }).click();
      const form = prescriber.getByRole('region', { name: 'Start a medication' });
      await form.getByLabel('Medication', { exact: false }).first().fill('sertra');
      await prescriber.getByRole('option', { name: /^Sertraline/ }).click();
      await form.getByLabel(/^Dose/).fill('50');
      await form.getByRole('button', { name: 'Add a step' }).click();
      await form.getByLabel(/^Step 1 dose/).fill('100');
      await form
        .getByLabel('Instructions for the patient')
        .fill('Take one tablet in the morning with breakfast.');
      await form.getByLabel(/^Reason/).fill('Not improving at week 11; adding sertraline.');
      await form.getByRole('button', { name: 'Record medication' }).click();
      const sertraline = prescriber.getByRole('article').filter({ hasText: 'Sertraline' });
      await sertraline.first().waitFor();
      await sertraline
        .getByText(/100 mg/)
        .first()
        .waitFor();
      await look(prescriber, 'medications-started');

      // 2. Tom, on his phone, sees today's sertraline dose, logs it taken, skips the next (lamotrigine) because
      //    of side effects, and reports moderate nausea.
      const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
      const patient = await patientContext.newPage();
      const patientErrors = watchForPageErrors(patient);
      await signInAndOpen(patient, TOM, '/home/medications');
      await heading(patient, 'My medicines');
      const takeSertraline = patient.getByRole('button', { name: /^Taken: Sertraline 50 mg/ });
      await takeSertraline.waitFor();
      await look(patient, 'patient-today-before');
      await takeSertraline.click();
      await patient.getByRole('button', { name: /^Taken: Sertraline/ }).waitFor({ state: 'detached' });
      await patient.getByRole('button', { name: /^Skip: Lamotrigine/ }).click();
      await patient
        .getByRole('group', { name: /^Why was Lamotrigine .* skipped\?$/ })
        .getByRole('button', { name: 'Side effects' })
        .click();
      await patient.getByRole('button', { name: /^Skip: Lamotrigine/ }).waitFor({ state: 'detached' });
      await look(patient, 'patient-today-logged');

      await patient.goto('/home/side-effects/new');
      await heading(patient, 'Tell your prescriber about side effects');
      await patient.getByRole('radio', { name: /^Sertraline/ }).check();
      await patient.getByRole('checkbox', { name: 'Nausea' }).check();
      await patient
        .getByLabel('Anything else? Describe it in your own words')
        .fill('Queasy most of the morning.');
      await patient.getByRole('radio', { name: /^Moderate/ }).check();
      await patient.getByRole('radio', { name: /^3 / }).check();
      await look(patient, 'patient-side-effect-form');
      await patient.getByRole('button', { name: 'Send to my prescriber' }).click();
      await patient.getByRole('region', { name: 'Thank you for telling us' }).waitFor();
      await look(patient, 'patient-side-effect-sent');

      // 3. The prescriber gets the alert, answers with a dose change (25 mg for now) recorded on the report.
      await prescriber.goto('/inbox');
      await heading(prescriber, 'Inbox');
      await reloadUntil(
        prescriber,
        async () =>
          (await prescriber
            .getByRole('listitem')
            .filter({ hasText: 'Tom Becker' })
            .filter({ hasText: 'Side-effect report' })
            .filter({ hasText: /nausea/i })
            .count()) > 0,
        'the side-effect alert',
      );
      await look(prescriber, 'medications-inbox-prescriber');
      await prescriber.goto(`${patientPath}/medications`);
      await heading(prescriber, 'Medications');
      const report = prescriber
        .getByTestId('side-effect-report')
        .filter({ hasText: /nausea/i })
        .first();
      await report.getByRole('button', { name: 'Answer' }).click();
      await report.getByText('Dose change', { exact: true }).click();
      await report.getByRole('button', { name: 'Change the dose of Sertraline…' }).click();
      const modal = prescriber.getByRole('dialog');
      await modal.getByLabel(/^New dose/).fill('25');
      await modal.getByLabel(/^Reason/).fill('Moderate nausea: 25 mg for a week, then back to 50 mg.');
      await modal.getByRole('button', { name: 'Record change' }).click();
      await modal.waitFor({ state: 'detached' });
      await report.getByLabel('The change that answers this report').waitFor();
      await report
        .getByLabel('Note (optional)')
        .fill('Lowered to 25 mg; nausea usually settles in a week or two.');
      await report.getByRole('button', { name: 'Record answer' }).click();
      await report.getByText('Answered', { exact: true }).waitFor();
      await prescriber
        .getByRole('region', { name: 'Adherence' })
        .getByText(/Last 7 days/)
        .first()
        .waitFor();
      await look(prescriber, 'medications-answered');

      // 4. The therapist sees adherence and the report on Tom's page, to talk about in session.
      const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const therapist = await therapistContext.newPage();
      const therapistErrors = watchForPageErrors(therapist);
      await signInAndOpen(therapist, DEMO.therapist, patientPath);
      await heading(therapist, /Tom Becker/);
      const adherence = therapist.getByRole('region', { name: 'Medication adherence' });
      await adherence.getByText(/Last 14 days: \d+% \(\d+ of \d+\)/).waitFor();
      const sideEffects = therapist.getByRole('region', { name: /^Side effects/ });
      await sideEffects
        .getByText(/nausea/i)
        .first()
        .waitFor();
      await look(therapist, 'patient-page-therapist-adherence');
      await therapist.goto(`${patientPath}/medications`);
      await heading(therapist, 'Medications');
      await therapist
        .getByRole('region', { name: 'Adherence' })
        .getByText(/missed in a row/i)
        .first()
        .waitFor();
      await look(therapist, 'medications-therapist-adherence');

      // Tom sees the answer and his encouraging words on My medicines.
      await patient.goto('/home/side-effects');
      await patient.getByText(/25 mg/).first().waitFor();
      await look(patient, 'patient-side-effect-answered');

      expect(prescriberErrors()).toEqual([]);
      expect(patientErrors()).toEqual([]);
      expect(therapistErrors()).toEqual([]);
    },
  );
});
