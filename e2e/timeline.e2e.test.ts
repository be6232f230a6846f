// Journey (issue 14, the timeline): the prescriber opens the demo patient Sam's timeline, sees the bupropion
// step and the fall in PHQ-9, opens the dose change from its row, opens the visit summary of Sam's next
// medication review (his item for the prescriber first) and prints it (a PDF downloads); Sam adds "What I
// want to talk about" on his home page and opens "My progress", on a 390 px phone.
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
import { DEMO, apiFromPage, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

describe('timeline: one picture of the treatment', () => {
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
    'prescriber reads Sam’s timeline, opens the dose change and prints the visit summary; Sam adds an item and reads My progress on a phone',
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
      const sam = caseload.patients.find((p) => p.givenName === 'Sam');
      expect(sam).toBeDefined();
      const patientId = sam?.id ?? '';

      await page.goto(`/patients/${patientId}`);
      await page.getByRole('link', { name: 'Timeline' }).click();
      await heading(page, 'Timeline');
      await page.locator('label', { hasText: /^All$/ }).click();
      // The chart's summary names the fall in PHQ-9 (21 eight weeks ago, 9 today in the demo clinic).
      const chart = page.getByRole('img', { name: /PHQ-9 went from 21 to 9/ });
      await chart.waitFor();
      await expectNoAxeViolations(page, 'timeline chart');
      await screenshot(page, 'timeline-prescriber-desktop');

      await page.getByRole('button', { name: 'Show as table' }).click();
      const step = page.getByRole('row', { name: /Bupropion.*300 mg/i }).first();
      await step.waitFor();
      expect(await step.textContent()).toMatch(/Partial response at 4 weeks/);
      await expectNoAxeViolations(page, 'timeline table');
      await step.getByRole('link', { name: /^Open/ }).click();
      await page.waitForURL(new RegExp(`/patients/${patientId}/medications$`));
      await heading(page, 'Medications');

      // The visit summary of Sam's next medication review, from its row on the appointments page.
      const upcoming = (await apiFromPage(page, `/api/patients/${patientId}/appointments?when=upcoming`))
        .body as { appointments: { id: string; type: string; status: string }[] };
      const review = upcoming.appointments.find(
        (a) => a.type === 'medication_review' && a.status === 'scheduled',
      );
      expect(review).toBeDefined();
      const reviewId = review?.id ?? '';
      await page.goto(`/patients/${patientId}/appointments`);
      await page
        .getByRole('link', { name: /^Visit summary: Medication review/ })
        .last()
        .waitFor();
      await page.goto(`/patients/${patientId}/appointments/${reviewId}/summary`);
      await heading(page, 'Visit summary');
      await page.getByText(/Could I take it earlier in the morning\?/).waitFor();
      await page.getByRole('heading', { name: 'Medicines' }).waitFor();
      await expectNoAxeViolations(page, 'visit summary');
      await screenshot(page, 'visit-summary-prescriber-desktop');
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Print (PDF)' }).click();
      expect((await download).suggestedFilename()).toMatch(/^visit-summary-.*\.pdf$/);
      const pdf = await page.request.get(
        `/api/patients/${patientId}/appointments/${reviewId}/visit-summary.pdf`,
      );
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(errors()).toEqual([]);
      await context.close();

      const phone = await newContext(chromium, { baseURL: baseUrl, viewport: { width: 390, height: 844 } });
      const mine = await phone.newPage();
      const phoneErrors = watchForPageErrors(mine);
      await signIn(mine, DEMO.patient, /\/home$/);
      const agenda = mine.getByRole('region', { name: 'What I want to talk about' });
      await agenda.getByLabel('What do you want to talk about?').fill('Feeling more tired in the afternoons');
      await agenda.getByLabel('My prescriber').check();
      await agenda.getByRole('button', { name: 'Add' }).click();
      await agenda
        .getByRole('list', { name: 'Your items' })
        .getByText('Feeling more tired in the afternoons')
        .waitFor();
      await expectNoAxeViolations(mine, 'what I want to talk about phone');
      await screenshot(mine, 'agenda-phone');
      await mine.getByRole('link', { name: 'My progress' }).click();
      await heading(mine, 'My progress');
      await mine.getByText(/Your PHQ-9 has fallen from 21 to 9/).waitFor();
      expect(await mine.getByText('item 9').count()).toBe(0);
      await expectNoAxeViolations(mine, 'my progress phone');
      await screenshot(mine, 'my-progress-phone');
      const width = await mine.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      expect(phoneErrors()).toEqual([]);
      await phone.close();
    },
  );
});
