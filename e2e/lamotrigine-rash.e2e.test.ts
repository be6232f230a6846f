// Journey (issue 11): a patient on lamotrigine reports a rash on their phone and at once reads the right
// advice: "Do not take your next dose of Lamotrigine and contact your prescriber today" (the label: stop at
// the first rash), never "do not stop suddenly", with their own country's emergency number beside it. The
// checklist put the rash first, as an urgent symptom of their own medicine. The prescriber gets an urgent
// alert naming lamotrigine.
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
import { DEMO, heading, reloadUntil, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

/** Tom Becker in the demo clinic: lamotrigine on the label titration (demo-medications.ts). */
const TOM = 'patient3@demo.duet.test';

describe('a rash on lamotrigine: stop-and-call advice at once', () => {
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
    'the patient ticks a rash and reads "do not take your next dose", the emergency number first',
    { timeout: 240_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;

      const context = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
      const patient = await context.newPage();
      const errors = watchForPageErrors(patient);
      await signInAndOpen(patient, TOM, '/home/side-effects/new');
      await heading(patient, 'Tell your prescriber about side effects');

      // The checklist shows lamotrigine's urgent symptoms first, in plain words.
      const important = patient.getByRole('group', {
        name: 'Important with your medicines: tell us at once',
      });
      await important.waitFor();
      const rash = important.getByRole('checkbox', { name: /Rash or skin changes/ });
      await rash.waitFor();
      await important.getByText('With Lamotrigine').first().waitFor();
      await look(patient, 'side-effects-checklist-lamotrigine');

      await patient.getByRole('radio', { name: /^Lamotrigine/ }).check();
      await rash.check();
      await patient.getByRole('radio', { name: /^Mild/ }).check();
      await patient.getByRole('radio', { name: /^1 – Hardly/ }).check();
      await patient.getByRole('button', { name: 'Send to my prescriber' }).click();

      const advice = patient.getByTestId('side-effect-urgent');
      await advice.waitFor();
      await advice.getByRole('heading', { name: 'Do not take your next dose of Lamotrigine' }).waitFor();
      await advice
        .getByText('Do not take your next dose of Lamotrigine and contact your prescriber today.')
        .waitFor();
      await expect(advice.getAttribute('role')).resolves.toBe('alert');
      // Never "do not stop suddenly" where the label says stop.
      await expect(patient.getByText(/do not stop .* suddenly/i).count()).resolves.toBe(0);
      // The patient's own country's resources (web/components/crisis-resources), emergency number first.
      const list = advice.getByTestId('crisis-resource-list');
      await list.waitFor();
      await expect(list.locator('li').first().getAttribute('data-kind')).resolves.toBe('emergency');
      await expect(patient.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
        'side-effect-urgent',
      );
      await patient.getByText('Thank you for telling us').waitFor();
      await look(patient, 'side-effects-lamotrigine-rash-advice');

      // The lamotrigine guide says the same, with its source, and the same numbers beside it.
      await patient.getByRole('link', { name: 'What to expect from lamotrigine' }).click();
      await heading(patient, 'Lamotrigine');
      const signs = patient.getByTestId('guide-urgent-signs');
      await signs
        .getByText('Do not take your next dose of lamotrigine and contact your prescriber today.')
        .waitFor();
      await signs.getByText(/Source: Lamotrigine label, boxed warning/).waitFor();
      await patient.getByText(/life-threatening skin rash.*Stop at the first sign of a rash/).waitFor();
      await patient.getByTestId('crisis-resource-list').waitFor();
      await look(patient, 'guide-lamotrigine-patient');
      expect(errors()).toEqual([]);
      await context.close();

      // The prescriber's inbox: urgent, naming lamotrigine.
      const prescriberContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const prescriber = await prescriberContext.newPage();
      const prescriberErrors = watchForPageErrors(prescriber);
      await signInAndOpen(prescriber, DEMO.prescriber, '/inbox');
      await heading(prescriber, 'Inbox');
      const alert = prescriber
        .getByRole('listitem', { name: /^Urgent: Side-effect report: urgent symptom.*Lamotrigine/ })
        .filter({ hasText: 'Tom Becker' });
      await reloadUntil(prescriber, async () => (await alert.count()) > 0, 'the urgent side-effect alert');
      await expect(alert.first().textContent()).resolves.toMatch(
        /Urgent for Lamotrigine: rash or skin changes/,
      );
      expect(prescriberErrors()).toEqual([]);
      await prescriberContext.close();
    },
  );
});
