// Journey (issue 4, the prescriber's side): the prescriber starts sertraline 50 mg with a step to 100 mg after two
// weeks from the catalogue, sees the no-e-prescribing statement, changes the dose with a reason and reads the
// history; the therapist reads the regimen but cannot prescribe; the admin opens the medication catalogue.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshotBoth,
  watchForPageErrors,
} from './support/browser';
import { DEMO, apiFromPage, heading, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

describe('medications: the prescriber records and changes a regimen', () => {
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
    'start with a titration step, change the dose, history; therapist reads; admin catalogue',
    { timeout: 300_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;

      const context = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, DEMO.prescriber, /\/caseload$/);
      const caseload = (await apiFromPage(page, '/api/patients')).body as {
        patients: { id: string; givenName: string }[];
      };
      const tom = caseload.patients.find((p) => p.givenName === 'Tom');
      expect(tom).toBeDefined();
      const patientId = tom?.id ?? '';

      // The patient page has a Medications card linking to the medications page.
      await page.goto(`/patients/${patientId}`);
      await page.getByRole('heading', { name: 'Medications', level: 2 }).waitFor();
      await page.getByRole('link', { name: 'Regimen and history' }).click();
      await heading(page, 'Medications');

      await page.getByRole('button', { name: 'Start a medication' }).click();
      await expect
        .poll(() => page.getByText('it does not send prescriptions to pharmacies').first().isVisible())
        .toBe(true);
      const medication = page.getByRole('combobox', { name: 'Medication' });
      await medication.click();
      await medication.fill('sertra');
      await page.getByRole('option', { name: 'Sertraline (SSRI)' }).click();
      await expect.poll(() => page.getByText('RxNorm 36437').isVisible()).toBe(true);
      await page.getByLabel(/^Dose( \*)?$/).fill('50');
      await page.getByRole('button', { name: 'Add a step' }).click();
      await page.getByLabel(/^Step 1 dose \(mg\)/).fill('100');
      await page.getByLabel(/^Instructions for the patient/).fill('Take with breakfast.');
      await page.getByLabel(/^Reason/).fill('Moderate depression; agreed with Tom.');
      await look(page, 'medications-start-form');
      await page.getByRole('button', { name: 'Record medication' }).click();

      const item = page.getByRole('article', { name: 'Sertraline' });
      await item.waitFor();
      await expect.poll(() => item.getByText('50 mg, 08:00 every day').isVisible()).toBe(true);
      await expect.poll(() => item.getByRole('cell', { name: '100 mg' }).isVisible()).toBe(true);
      await look(page, 'medications-page');

      // Change the dose with a reason; the history shows both entries.
      await item.getByRole('button', { name: 'Change…' }).click();
      await page.getByRole('menuitem', { name: 'Change dose or schedule' }).click();
      // Let the menu finish closing: axe would otherwise catch its dropdown halfway through the transition.
      await page.getByRole('menu').waitFor({ state: 'detached' });
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^New dose/).fill('75');
      await dialog.getByLabel(/^Reason/).fill('Nausea at 50 mg; step up more slowly.');
      await look(page, 'medications-change-dialog');
      await dialog.getByRole('button', { name: 'Record change' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => item.getByText('75 mg, 08:00 every day').isVisible()).toBe(true);
      await item.getByRole('button', { name: 'Show history' }).click();
      await expect.poll(() => item.getByText('Dose changed').isVisible()).toBe(true);
      await expect.poll(() => item.getByText('Nausea at 50 mg; step up more slowly.').isVisible()).toBe(true);
      await look(page, 'medications-history');
      expect(errors()).toEqual([]);

      // The therapist reads the regimen; no start button, and the page says who prescribes.
      const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const therapist = await therapistContext.newPage();
      await signInAndOpen(therapist, DEMO.therapist, `/patients/${patientId}/medications`);
      await heading(therapist, 'Medications');
      await therapist.getByRole('article', { name: 'Sertraline' }).waitFor();
      expect(await therapist.getByRole('button', { name: 'Start a medication' }).count()).toBe(0);
      await expect
        .poll(() => therapist.getByText(/Only the prescriber on .* care team/).isVisible())
        .toBe(true);
      await look(therapist, 'medications-therapist');

      // The admin opens the catalogue from the navigation.
      const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const admin = await adminContext.newPage();
      await signIn(admin, DEMO.admin, /\/admin/);
      await admin.getByRole('link', { name: 'Medication catalogue' }).click();
      await heading(admin, 'Medication catalogue');
      await admin.getByRole('cell', { name: 'lamotrigine', exact: true }).waitFor();
      await look(admin, 'medications-admin-catalogue');
    },
  );
});
