// Journey (issue 15): a therapist's clinic day. Sam writes to the care team and reports a side effect, each
// with a 2,000-character unbroken word; Priya opens her worklist, sorts and filters it, looks at Today, follows the message alert from the
// inbox to the conversation, opens the week schedule; the worklist fits a 390 px phone; no page grows wider
// than the screen because of the long word (390 and 1280 px); axe on each page.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  PHONE,
  watchForPageErrors,
} from './support/browser';
import { DEMO, heading, reloadUntil, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

const LONG_WORD = 'x'.repeat(2000);
const NARROW = { width: 390, height: 844 } as const;

/** POSTs JSON as the signed-in patient to a path under their own record (CSRF token from the session). */
async function postAsPatient(page: Page, path: string, body: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    async ({ path, body }) => {
      const session = (await (await fetch('/api/auth/session', { credentials: 'same-origin' })).json()) as {
        csrfToken: string;
        user: { patientId: string | null };
      };
      const res = await fetch(`/api/patients/${session.user.patientId ?? ''}${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`${path}: ${String(res.status)} ${await res.text()}`);
    },
    { path, body },
  );
}

/** The page is no wider than its viewport once laid out (nothing forces a sideways scroll). */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const measure = () =>
    page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  // A resize or a late card re-lays the page out: give it a few frames before judging.
  const deadline = Date.now() + 5_000;
  let m = await measure();
  while (m.scroll > m.width && Date.now() < deadline) {
    await page.waitForTimeout(250);
    m = await measure();
  }
  expect(
    m.scroll,
    `${what} is ${String(m.scroll)} px wide in a ${String(m.width)} px window`,
  ).toBeLessThanOrEqual(m.width);
}

describe("a therapist's clinic day", () => {
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

  it('worklist, sort and filter, Today, the message alert to its conversation, the week schedule', async () => {
    const { baseUrl } = server!;
    const chromium = browser!;

    // Sam writes to the care team from his phone.
    const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    await signIn(patient, DEMO.patient, /\/home$/);
    const conversationId = randomUUID();
    await postAsPatient(patient, '/conversations', {
      id: conversationId,
      subject: `Long ${'y'.repeat(150)}`,
      firstMessage: { id: randomUUID(), body: `Before ${LONG_WORD} after`, mentions: [] },
    });
    // …and reports a side effect in 2,000 characters without a space.
    await postAsPatient(patient, '/side-effects', {
      id: randomUUID(),
      medicationId: null,
      otherText: LONG_WORD,
      severity: 'mild',
      interference: 1,
    });
    await patientContext.close();

    // Priya's worklist: her caseload with the day's columns, most urgent first.
    const context = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await signIn(page, DEMO.therapist, /\/caseload$/);
    await heading(page, 'My caseload');
    const table = page.getByRole('region', { name: 'Worklist table' });
    await table.getByRole('link', { name: /Rivera, Sam/ }).waitFor();
    for (const column of ['Next appointment', 'PHQ-9', 'GAD-7', 'Adherence', 'Open alerts'])
      await table.getByRole('columnheader', { name: column }).waitFor();
    await expectNoAxeViolations(page, 'worklist');
    // Logging a contact is two clicks away on each row (the form is the case-review feature's).
    await table.getByRole('button', { name: 'Log contact with Sam Rivera' }).click();
    await page.getByRole('form', { name: 'Log a contact' }).waitFor();
    await expectNoAxeViolations(page, 'worklist contact form');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Contact logged').waitFor();

    // Sort by name: the rows follow family names.
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Name', exact: true }).click();
    const names = await table.locator('tbody tr td:first-child a').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    // Filter: open alerts (Sam's message raises one once the outbox has delivered it).
    await page.getByRole('checkbox', { name: 'Has open alerts' }).check();
    await reloadUntil(
      page,
      async () => {
        const box = page.getByRole('checkbox', { name: 'Has open alerts' });
        if (!(await box.isChecked())) await box.check();
        return (await table.getByRole('link', { name: /Rivera, Sam/ }).count()) === 1;
      },
      "Sam's message alert in the worklist",
    );
    await page.getByRole('checkbox', { name: 'Has open alerts' }).uncheck();

    // Today: the visits with her today, each with a way to the visit (or a plain "none").
    await page.getByText('Today', { exact: true }).click();
    const today = page.getByRole('region', { name: 'Today' });
    await today.waitFor();
    const visits = await today.getByRole('link', { name: /^Open the visit with/ }).count();
    if (visits === 0) await today.getByText('No appointments with you today.').waitFor();
    await expectNoAxeViolations(page, 'worklist today');

    // The inbox's message alert leads to the conversation.
    await page.goto('/inbox?type=message_from_patient');
    await heading(page, /Inbox/);
    // (Demo conversations have alerts of their own: take the one about Sam's new conversation.)
    const toConversation = page.locator(`a[href$="/messages/${conversationId}"]`, {
      hasText: 'Open the conversation',
    });
    await reloadUntil(page, async () => (await toConversation.count()) > 0, 'the message alert in the inbox');
    await toConversation.first().click();
    await page.waitForURL(new RegExp(`/messages/${conversationId}$`));
    await page.getByText(/^Before x+ after$/).waitFor();
    await expectNoSidewaysScroll(page, 'the conversation at 1280 px');
    await expectNoAxeViolations(page, 'conversation from the alert');

    // The week schedule, one week on.
    await page.goto('/schedule');
    await heading(page, 'Schedule');
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('button', { name: 'Previous week' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /./ }).first().waitFor();
    await expectNoAxeViolations(page, 'week schedule');

    // Sam's page with the long word, at 1280 and at 390 px; the worklist at 390 px is a list of cards.
    const samHref = await page.evaluate(async () => {
      const r = (await (await fetch('/api/patients', { credentials: 'same-origin' })).json()) as {
        patients: { id: string; familyName: string }[];
      };
      return `/patients/${r.patients.find((p) => p.familyName === 'Rivera')?.id ?? ''}`;
    });
    await page.goto(samHref);
    await heading(page, /Sam Rivera/);
    await page.waitForLoadState('networkidle');
    // The side-effect report's 2,000-character word is on the page.
    await page
      .getByText(/x{2000}/)
      .first()
      .waitFor();
    await expectNoSidewaysScroll(page, "Sam's page at 1280 px");
    await page.setViewportSize(NARROW);
    await expectNoSidewaysScroll(page, "Sam's page at 390 px");
    await page.goto(`${samHref}/messages/${conversationId}`);
    await page.getByText(/^Before x+ after$/).waitFor();
    await expectNoSidewaysScroll(page, 'the conversation at 390 px');
    await page.goto('/caseload');
    await heading(page, 'My caseload');
    await page
      .getByRole('list', { name: 'Patients' })
      .getByRole('link', { name: /Rivera, Sam/ })
      .waitFor();
    await expectNoSidewaysScroll(page, 'the worklist at 390 px');
    await expectNoAxeViolations(page, 'worklist at 390 px');
    expect(errors()).toEqual([]);
  }, 150_000);
});
