// Journey (issue 17, "Forms"): a failed autosave says so at once, at the field, and keeps the text; a server
// field error lands at its field in plain words; nothing typed is changed behind the person's back (a long
// paste is kept and counted, an out-of-range count stays as typed with its range named, an untouched rating
// looks unanswered). The patient on a phone (390 px); a therapist's enrol form is checked in the browser with
// the route's own zod schema before anything is sent, and a server-only refusal still lands at its field.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  watchForPageErrors,
} from './support/browser';
import { DEMO, heading, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

const PHONE_390 = { width: 390, height: 844 } as const;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** YYYY-MM-DD plus n days (calendar arithmetic in UTC, no zone involved). */
function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

describe('forms never lose or hide what was typed', () => {
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

  it('a thought record dated in the future shows the failed autosave at the day field and keeps the text', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE_390 });
    const patient = await context.newPage();
    const errors = watchForPageErrors(patient);
    await signInAndOpen(patient, DEMO.patient, '/home/practice');
    await heading(patient, 'My practice');
    await patient.getByRole('button', { name: 'Start thought record' }).click();
    await heading(patient, 'Thought record');

    const situation = patient.getByRole('textbox', { name: 'The situation', exact: true });
    const text = 'On the bus home, a message from my manager asking to talk tomorrow.';
    await situation.fill(text);
    const status = patient.getByRole('status').filter({ hasText: /Saved|Saving|Not saved/ });
    await status.filter({ hasText: /^Saved at/ }).waitFor();

    // A day three days ahead: the server refuses it; the page says so at once, at the field.
    const day = patient.getByLabel('Day', { exact: true });
    const today = await day.getAttribute('max');
    expect(today).toMatch(ISO_DAY);
    let refusals = 0;
    patient.on('response', (r) => {
      if (r.url().includes('/practice/entries/') && r.status() === 400) refusals += 1;
    });
    await day.fill(addDays(today!, 3));
    const refused = status.filter({ hasText: /^Not saved: / });
    await refused.waitFor({ timeout: 5_000 });
    // A refusal is not sent again by itself (react-query would retry after 1 s and 2 s).
    await patient.waitForTimeout(2_500);
    expect(refusals).toBe(1);
    const dayError = patient.locator(`[id="${(await day.getAttribute('aria-describedby')) ?? 'missing'}"]`);
    await expect(day.getAttribute('aria-invalid')).resolves.toBe('true');
    const dayMessage = (await dayError.textContent()) ?? '';
    expect(dayMessage).toMatch(/has not happened yet/);
    expect(dayMessage).not.toMatch(ISO_DAY);
    expect(dayMessage).toContain(
      new Intl.DateTimeFormat('en-US', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${today!}T00:00:00Z`)),
    );
    await expect(situation.inputValue()).resolves.toBe(text);
    // "Done" now: the same refusal, listed under "Almost there" in plain words (its title meets 4.5:1).
    await patient.getByRole('button', { name: 'Done' }).click();
    const almost = patient.getByRole('alert').filter({ hasText: 'Almost there' });
    await almost.getByText(/has not happened yet/).waitFor();
    expect((await almost.textContent()) ?? '').not.toMatch(ISO_DAY);
    await expectNoAxeViolations(patient, 'thought record, refused autosave');

    // Typing more sends again; still refused, never "Saved"; the text stays.
    await situation.fill(`${text} I felt sick.`);
    await patient.waitForResponse((r) => r.url().includes('/practice/entries/') && r.status() === 400);
    await refused.waitFor();
    await expect(status.textContent()).resolves.toMatch(/^Not saved: /);
    await expect(situation.inputValue()).resolves.toBe(`${text} I felt sick.`);

    // Back to today: saved, the field is no longer marked.
    await day.fill(today!);
    await status.filter({ hasText: /^Saved at/ }).waitFor();
    await expect(day.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(dayError.count()).resolves.toBe(0);
    expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A paste past the limit is kept whole, counted and refused at the field; nothing is cut.
    const long = 'I kept going over it. '.repeat(48); // 1,056 characters, the limit is 1,000
    await situation.fill(long);
    await expect(situation.inputValue()).resolves.toBe(long);
    const situationHelp = await Promise.all(
      ((await situation.getAttribute('aria-describedby')) ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => patient.locator(`[id="${id}"]`).textContent()),
    );
    expect(situationHelp.join(' ')).toContain('1,056 of 1,000 characters');
    expect(situationHelp.join(' ')).toContain('56 characters over the limit of 1,000: shorten it to save.');
    await refused.waitFor();
    await situation.fill(text);
    await status.filter({ hasText: /^Saved at/ }).waitFor();

    // An untouched rating looks unanswered (no thumb) and says so; the keyboard still reaches it.
    const balanced = patient.getByRole('slider', { name: /How much you believe the balanced thought/ });
    await expect(balanced.getAttribute('aria-valuetext')).resolves.toBe('Not rated');
    await expect(balanced.evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('0');
    await balanced.focus();
    await balanced.press('ArrowRight');
    await expect(balanced.getAttribute('aria-valuenow')).resolves.toBe('55');
    await expect(balanced.evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('1');

    // A refill count out of range stays as typed, with the range named; it cannot be saved.
    await patient.goto('/home/medications');
    const count = patient.getByRole('textbox', { name: /How many do you have/ });
    await count.fill('-5');
    await count.blur();
    await expect(count.inputValue()).resolves.toBe('-5');
    await patient.getByText('Enter a number from 0.5 to 100,000; -5 is outside that range.').waitFor();
    await expect(patient.getByRole('button', { name: 'Save count' }).isDisabled()).resolves.toBe(true);
    await count.fill('99999999');
    await count.blur();
    await expect(count.inputValue()).resolves.toMatch(/^99,?999,?999$/);
    await patient.getByText(/99,999,999 is outside that range/).waitFor();
    await expectNoAxeViolations(patient, 'refill count out of range');
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('the enrol form checks with the shared schema before sending; a server-only error lands at its field; a page that fails offers a way back', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: DESKTOP });
    const therapist = await context.newPage();
    const errors = watchForPageErrors(therapist);
    await signInAndOpen(therapist, DEMO.therapist, '/patients/new');
    await heading(therapist, 'Enrol patient');
    let posts = 0;
    therapist.on('request', (r) => {
      if (r.url().endsWith('/api/patients') && r.method() === 'POST') posts += 1;
    });
    const helpOf = async (field: Locator) =>
      Promise.all(
        ((await field.getAttribute('aria-describedby')) ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => therapist.locator(`[id="${id}"]`).textContent()),
      );

    // Typing the first character shows nothing yet; leaving the field empty names it (the shared schema).
    const given = therapist.getByLabel('Given name');
    await given.focus();
    await given.blur();
    await expect.poll(() => helpOf(given)).toContain('Enter the given name.');
    await given.fill('Ada');
    await therapist.getByLabel('Family name').fill('Old');
    const birthDate = therapist.getByLabel('Date of birth');
    await birthDate.fill('1899-05-01');
    const email = therapist.getByLabel('Email');
    expect(await email.getAttribute('aria-invalid')).not.toBe('true'); // not visited yet: not marked
    await email.fill(DEMO.patient);
    await therapist.getByRole('button', { name: 'Enrol and send invitation' }).click();

    // Refused in the browser with the server's own words, at the field, focused; no request went out.
    await expect.poll(() => birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(birthDate)).toContain('The date of birth must be in 1900 or later.');
    await expect(birthDate.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(birthDate.inputValue()).resolves.toBe('1899-05-01');
    expect(posts).toBe(0);
    await expectNoAxeViolations(therapist, 'enrol form refused in the browser');

    // Valid in the browser; the server alone knows the address is taken (409): shown at the email field.
    await birthDate.fill('1990-05-01');
    const answered = therapist.waitForResponse(
      (r) => r.url().endsWith('/api/patients') && r.request().method() === 'POST',
    );
    await therapist.getByRole('button', { name: 'Enrol and send invitation' }).click();
    expect((await answered).status()).toBe(409);
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(email)).toContain('Already in use in your clinic');
    await therapist.getByRole('alert').filter({ hasText: 'Check the fields marked above.' }).waitFor();
    await expect(email.inputValue()).resolves.toBe(DEMO.patient);
    expect(posts).toBe(1); // a refusal is shown at once, not retried
    await expectNoAxeViolations(therapist, 'enrol form with a server field error');
    expect(errors()).toEqual([]);

    // A page whose code cannot be fetched shows the route's error boundary inside the layout, with a way back.
    const logged: string[] = [];
    therapist.on('console', (m) => {
      if (m.type() === 'error') logged.push(m.text());
    });
    await context.route(/\/assets\/account-page-[^/]*\.js$/, (route) => route.abort());
    await therapist.evaluate(() => {
      window.history.pushState({}, '', '/account');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await heading(therapist, 'Something went wrong');
    await therapist
      .getByText('This page could not be loaded. Check your connection, then reload the page.')
      .waitFor();
    await expect(therapist.getByRole('navigation').count()).resolves.toBeGreaterThan(0);
    expect(logged.some((text) => text.includes('Duet: a page failed to show'))).toBe(true);
    await expectNoAxeViolations(therapist, 'route error boundary');
    await therapist.getByRole('button', { name: 'Go back' }).click();
    await heading(therapist, 'Enrol patient');
    await context.close();
  });
});
