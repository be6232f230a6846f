// Journey (issue 15): the psychiatric consultant (the demo's prescriber, Daniel Okafor) walks through the
// case review the care manager prepared, records a recommendation for Tom assigned to himself with a due
// date, then finds it in "My recommendations" and marks it done; the care manager logs a phone contact with
// Tom from his patient page in two clicks and sees this month's care-manager minutes. Axe on each screen.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  watchForPageErrors,
} from './support/browser';
import { DEMO, heading, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

describe('case review: a recommendation tracked until done, and a care-manager contact', () => {
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

  it('consultant recommends, marks done; care manager logs a contact', { timeout: 120_000 }, async () => {
    const { baseUrl } = server!;
    const context = await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP });

    // 1. The consultant opens the case review and records a recommendation for Tom, assigned to himself.
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await signInAndOpen(page, DEMO.prescriber, '/case-review');
    await heading(page, 'Case reviews');
    await page
      .getByRole('link', { name: /^Case review on / })
      .first()
      .click();
    await heading(page, 'Case review');
    await page.getByRole('heading', { name: 'Tom Becker' }).waitFor();
    const form = page.getByRole('form', { name: 'Record a recommendation' });
    await form.getByLabel('Recommendation').fill('Switch to sertraline 50 mg; recheck PHQ-9 in 4 weeks');
    await form.getByRole('combobox', { name: 'For' }).click();
    await page.getByRole('option', { name: 'Daniel Okafor (Prescriber)' }).click();
    await form.getByLabel('Due').fill('2099-01-15');
    await form.getByRole('button', { name: 'Send to the care team' }).click();
    // Recorded: it shows in this review's list (the toast may be gone already on a slow machine).
    await page.getByText(/For Daniel Okafor · Due/).waitFor();
    await expectNoAxeViolations(page, 'case-review-session');

    // 2. It waits in his "My recommendations" until he marks it done.
    await page.goto('/case-review');
    const mine = page.getByRole('region', { name: 'My recommendations' });
    await mine.getByText('Switch to sertraline 50 mg; recheck PHQ-9 in 4 weeks').waitFor();
    await mine.getByText(/For Daniel Okafor · Due/).waitFor();
    await page
      .getByRole('region', { name: 'Review list' })
      .getByRole('link', { name: 'Tom Becker' })
      .waitFor();
    await expectNoAxeViolations(page, 'case-review-list');
    await mine.getByRole('button', { name: /^Mark done: Switch to sertraline/ }).click();
    await mine.getByText('Nothing assigned to you is open.').waitFor();
    expect(errors()).toEqual([]);

    // 3. The care manager logs a phone contact with Tom in two clicks and sees this month's minutes.
    const cm = await (await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP })).newPage();
    const cmErrors = watchForPageErrors(cm);
    await signIn(cm, DEMO.careManager, /\/caseload$/);
    await cm
      .getByRole('link', { name: /Becker, Tom/ })
      .first()
      .click();
    await cm.waitForURL(/\/patients\/[^/]+$/);
    const contacts = cm.getByRole('region', { name: 'Contacts' });
    await contacts.getByText('No contacts logged yet.').waitFor();
    await contacts.getByRole('button', { name: 'Log contact with Tom Becker' }).click();
    await cm.getByRole('button', { name: 'Save contact' }).click();
    await contacts.getByText('Phone, 15 min').waitFor();
    await contacts.getByText(/Care-manager minutes this month: 15 of 70 min/).waitFor();
    await expectNoAxeViolations(cm, 'patient-contacts');
    expect(cmErrors()).toEqual([]);
  });
});
