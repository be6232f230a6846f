// Journey (issue 11): the clinic admin changes the lithium level at which a result is urgent — first out of
// order (the field says why, nothing saved), then a valid value, marked as the clinic's with the reference
// beside it — resets it to the reference, and adds a national brand name to clozapine in the catalogue.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  watchForPageErrors,
} from './support/browser';
import { DEMO, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

describe('clinic safety data', () => {
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

  it('edits a laboratory threshold with a field error first, resets it, and adds another name', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    const pageErrors = watchForPageErrors(page);
    await signIn(page, DEMO.admin, /\/admin\/users$/);

    await page.getByRole('link', { name: 'Laboratory thresholds' }).click();
    await heading(page, 'Laboratory thresholds');
    const lithium = page.getByRole('region', { name: /Serum lithium/ });
    await lithium.getByText(/Source: Lithium label/).waitFor();
    const urgent = lithium.getByLabel(/Lithium level 1.5 mmol\/L or more: toxicity/);
    const high = lithium.getByLabel(/Lithium level above 1.2 mmol\/L/);

    // Urgent below high: the high field says why at once.
    await urgent.fill('1.1');
    await lithium.getByText(/Must be below 1.1 mmol\/L/).waitFor();
    await expect(high.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'lab thresholds with a field error');

    await urgent.fill('1.4');
    await lithium.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Thresholds saved').waitFor();
    await lithium.getByText(/changed by the clinic: /).waitFor();
    await lithium.getByText(/Reference: 1.5 \(the clinic’s value differs\)/).waitFor();
    await expect(urgent.inputValue()).resolves.toBe('1.4');
    await screenshot(page, 'admin-lab-thresholds-desktop');

    await lithium.getByRole('button', { name: 'Reset to reference' }).click();
    await page.getByText('Back to the reference').waitFor();
    await expect(
      lithium.getByLabel(/Lithium level 1.5 mmol\/L or more: toxicity/).inputValue(),
    ).resolves.toBe('1.5');
    await expect(lithium.getByText(/changed by the clinic: /).count()).resolves.toBe(0);

    // Another name for clozapine, saved at once and marked as the clinic's.
    await page.getByRole('link', { name: 'Medication catalogue' }).click();
    await heading(page, 'Medication catalogue');
    await page.getByLabel('Search').fill('clozapine');
    await page.getByRole('button', { name: 'Edit clozapine' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit clozapine' });
    const names = dialog.getByRole('region', { name: 'Other names' });
    await names.getByLabel('Add a name').fill('Clozaril');
    await names.getByRole('button', { name: 'Add name' }).click();
    await names.getByText(/Duet already knows this name for clozapine/).waitFor();
    await names.getByLabel('Add a name').fill('Leponexa');
    await names.getByRole('button', { name: 'Add name' }).click();
    await names.getByText('Leponexa', { exact: true }).waitFor();
    await names.getByText(/added by the clinic: /).waitFor();
    await expectNoAxeViolations(page, 'catalogue other names');
    await screenshot(page, 'admin-catalogue-other-names-desktop');

    expect(pageErrors()).toEqual([]);
    await context.close();
  });
});
