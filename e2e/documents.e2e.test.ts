// Journey (issue 14, documents): Sam opens "My record" on a 390 px phone and downloads the JSON file; the
// prescriber downloads Sam's medication list PDF from the patient page's Documents menu. Axe on both pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  downloadedBytes,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  watchForPageErrors,
} from './support/browser';
import { DEMO, apiFromPage, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

describe('documents: My record and the medication list', () => {
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
    'Sam downloads My record as JSON on a phone; the prescriber downloads the medication list',
    { timeout: 120_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;

      const phone = await newContext(chromium, { baseURL: baseUrl, viewport: { width: 390, height: 844 } });
      const mine = await phone.newPage();
      const phoneErrors = watchForPageErrors(mine);
      await signIn(mine, DEMO.patient, /\/home$/);
      // Home links to My record; Sam taps it like a person would. The name is exact: a loose "My record" also
      // matches "Who has seen my record", first of all in the phone's closed (deliberately inert) menu.
      await mine.getByRole('link', { name: 'My record', exact: true }).click();
      await mine.waitForURL(/\/home\/my-record$/);
      await heading(mine, 'My record');
      await expectNoAxeViolations(mine, 'my record phone');
      expect(await mine.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const [json] = await Promise.all([
        mine.waitForEvent('download'),
        mine.getByRole('link', { name: /Download as a data file/ }).click(),
      ]);
      expect(json.suggestedFilename()).toMatch(/^my-record-\d{4}-\d{2}-\d{2}\.json$/);
      const record = JSON.parse((await downloadedBytes(json)).toString('utf8')) as {
        format: string;
        version: number;
        patient: { name: string };
        medications: { name: string }[];
      };
      expect(record).toMatchObject({ format: 'duet.my-record', version: 1, patient: { name: 'Sam Rivera' } });
      expect(record.medications.map((m) => m.name)).toContain('Bupropion');
      expect(phoneErrors()).toEqual([]);
      await phone.close();

      const context = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, DEMO.prescriber, /\/caseload$/);
      const caseload = (await apiFromPage(page, '/api/patients')).body as {
        patients: { id: string; givenName: string }[];
      };
      const sam = caseload.patients.find((p) => p.givenName === 'Sam');
      await page.goto(`/patients/${sam?.id ?? ''}`);
      await page.getByRole('button', { name: 'Documents' }).click();
      const item = page.getByRole('link', { name: /Medication list/ });
      await item.waitFor();
      await expectNoAxeViolations(page, 'documents menu');
      const [pdf] = await Promise.all([page.waitForEvent('download'), item.click()]);
      expect(pdf.suggestedFilename()).toMatch(/^medication-list-\d{4}-\d{2}-\d{2}\.pdf$/);
      const bytes = await downloadedBytes(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(errors()).toEqual([]);
      await context.close();
    },
  );
});
