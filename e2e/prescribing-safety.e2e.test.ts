// Journey (issue 11, the prescriber): sertraline 300 mg a day is above the label maximum, the form says so at
// the dose and the prescriber records a reason that the team sees beside the dose; for Tom, who takes
// lamotrigine, "Depakote" typed by name is recognised as divalproex and the curated lamotrigine + valproate
// warning shows what the label says to do (and that no weight is recorded for the mg/kg limit); the
// prescriber's answers are kept in the history. Axe checks each screen.
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
import { DEMO, apiFromPage, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

async function chooseFromCatalogue(page: Page, search: string, option: string): Promise<void> {
  const medication = page.getByRole('combobox', { name: 'Medication' });
  await medication.click();
  await medication.fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** Answers every safety warning on the form with "proceed" and a reason. */
async function proceedWithAll(page: Page, reason: string): Promise<void> {
  const radios = page.getByRole('radio', { name: 'Proceed as prescribed' });
  const n = await radios.count();
  for (let i = 0; i < n; i++) {
    await radios.nth(i).check();
    await page
      .getByLabel(/^Reason to proceed/)
      .nth(i)
      .fill(reason);
  }
}

describe('prescribing safety: dose limits and interactions', () => {
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
    'over the maximum needs a reason; lamotrigine with valproate needs an answer',
    { timeout: 300_000 },
    async () => {
      const { baseUrl } = server!;
      const context = await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, DEMO.prescriber, /\/caseload$/);
      const caseload = (await apiFromPage(page, '/api/patients')).body as {
        patients: { id: string; givenName: string }[];
      };
      const patientId = caseload.patients.find((p) => p.givenName === 'Tom')?.id ?? '';
      expect(patientId).not.toBe('');
      await page.goto(`/patients/${patientId}/medications`);
      await heading(page, 'Medications');

      // 1. Sertraline 300 mg a day: refused at the dose until a reason is given.
      await page.getByRole('button', { name: 'Start a medication' }).click();
      await chooseFromCatalogue(page, 'sertra', 'Sertraline (SSRI)');
      await expect.poll(() => page.getByText('Up to 200 mg a day.').isVisible()).toBe(true);
      await page.getByLabel(/^Dose( \*)?$/).fill('300');
      await page.getByLabel(/^Reason( \*)?$/).fill('Partial response at 200 mg.');
      await expect
        .poll(() =>
          page.getByText(/The dose makes 300 mg a day, above 200 mg a day \(label maximum\)/).isVisible(),
        )
        .toBe(true);
      const record = page.getByRole('button', { name: 'Record medication' });
      expect(await record.isDisabled()).toBe(true);
      await look(page, 'prescribing-over-maximum');
      await page
        .getByLabel(/^Reason for going above the maximum/)
        .fill('Specialist advice: rapid metaboliser.');
      await record.click();
      const sertraline = page.getByRole('article', { name: 'Sertraline' });
      await sertraline.waitFor();
      await expect
        .poll(() =>
          sertraline.getByText('Prescriber’s reason: Specialist advice: rapid metaboliser.').isVisible(),
        )
        .toBe(true);

      // 2. Tom takes lamotrigine (demo). "Depakote" typed by name is recognised as divalproex; the form shows the
      // curated lamotrigine + valproate warning with what the label says, and that no weight is recorded.
      await page.getByRole('button', { name: 'Start a medication' }).click();
      await page.getByLabel('Not in the catalogue: record by name').check();
      await page.getByLabel(/^Medication name/).fill('Depakote');
      await expect.poll(() => page.getByText(/Recognised as Divalproex sodium/).isVisible()).toBe(true);
      await page.getByLabel(/^Dose( \*)?$/).fill('500');
      await page.getByLabel(/^Reason( \*)?$/).fill('Bipolar disorder, mania prevention.');
      await expect
        .poll(() =>
          page.getByText('Divalproex sodium with Lamotrigine', { exact: false }).first().isVisible(),
        )
        .toBe(true);
      await expect
        .poll(() => page.getByText(/Halve the lamotrigine starting and target doses/).isVisible())
        .toBe(true);
      await expect
        .poll(() =>
          page
            .getByText(/No body weight recorded/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await expect
        .poll(() =>
          page
            .getByText(/not a full interaction database/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      expect(await page.getByRole('button', { name: 'Record medication' }).isDisabled()).toBe(true);
      await proceedWithAll(page, 'Lamotrigine dose halved today as the label says; weight 82 kg.');
      await look(page, 'prescribing-interaction-warning');
      await page.getByRole('button', { name: 'Record medication' }).click();
      const depakote = page.getByRole('article', { name: 'Depakote' });
      await depakote.waitFor();
      await depakote.getByRole('button', { name: 'Show history' }).click();
      await expect
        .poll(() =>
          depakote
            .getByText('Lamotrigine dose halved today as the label says; weight 82 kg.', { exact: false })
            .first()
            .isVisible(),
        )
        .toBe(true);
      await look(page, 'prescribing-history-answers');
      expect(errors()).toEqual([]);

      // 3. The clinic admin lowers buspirone's maximum; the catalogue marks it as changed by the clinic.
      const adminContext = await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP });
      const admin = await adminContext.newPage();
      await signIn(admin, DEMO.admin, /\/admin/);
      await admin.getByRole('link', { name: 'Medication catalogue' }).click();
      await heading(admin, 'Medication catalogue');
      await admin.getByRole('button', { name: 'Edit buspirone' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel(/^Maximum/).fill('45');
      await look(admin, 'prescribing-catalogue-safety-edit');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = admin.getByRole('row').filter({ hasText: 'buspirone' });
      await expect.poll(() => row.getByText(/changed by the clinic/).isVisible()).toBe(true);
      await expect.poll(() => row.getByText('45 mg').isVisible()).toBe(true);
    },
  );
});
