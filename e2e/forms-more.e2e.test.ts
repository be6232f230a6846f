// Journey (issue 17, "Forms", the remaining forms): prescribing, lab entry, appointment booking and clinic
// settings check what was typed with the route's own zod schema before anything is sent; each problem shows
// at its field (aria-invalid, described by the message), focus goes to the first one, nothing typed is
// changed (an out-of-range number stays as typed with its limit in words, an emptied number is not a
// default), and the other fields keep what was entered. One signed-in page per role, the demo clinic.
import type { Locator, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  watchForPageErrors,
} from './support/browser';
import { DEMO, apiFromPage, heading, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

/** The texts that describe a field (its error and description), as a screen reader reads them. */
async function helpOf(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

const isFocused = (field: Locator) => field.evaluate((el) => el === document.activeElement);

/** Counts the requests a page sends that match (method, path ending). */
function countRequests(page: Page, method: string, path: RegExp): () => number {
  let count = 0;
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) count += 1;
  });
  return () => count;
}

/** Starts a medication through the API (answering any safety check), as the lab journey does. */
async function startThroughApi(page: Page, path: string, body: Record<string, unknown>): Promise<number> {
  return page.evaluate(
    async ({ url, payload }) => {
      const session = (await (await fetch('/api/auth/session', { credentials: 'same-origin' })).json()) as {
        csrfToken: string;
      };
      const send = (b: unknown) =>
        fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify(b),
        });
      let res = await send(payload);
      if (res.status === 409) {
        const answer = (await res.json()) as { error: { details?: { warnings?: { id: string }[] } } };
        const warnings = answer.error.details?.warnings ?? [];
        res = await send({
          ...payload,
          safetyAnswers: warnings.map((w) => ({ warningId: w.id, decision: 'proceed', reason: 'Reviewed.' })),
        });
      }
      return res.status;
    },
    { url: path, payload: body },
  );
}

describe('the remaining forms check with the shared schema and show each problem at its field', () => {
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

  it('prescriber: an out-of-range dose, an empty lab result and an emptied appointment length are refused at their fields, nothing sent', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await signIn(page, DEMO.prescriber, /\/caseload$/);
    const caseload = (await apiFromPage(page, '/api/patients')).body as {
      patients: { id: string; givenName: string }[];
    };
    const patientId = caseload.patients.find((p) => p.givenName === 'Tom')?.id ?? '';
    expect(patientId).not.toBe('');

    // Lithium (monitored by blood levels), set up through the API: the lab form below is about the result.
    const catalogue = (await apiFromPage(page, '/api/medication-catalogue?q=lithium')).body as {
      entries: { id: string }[];
    };
    const today = new Date().toISOString().slice(0, 10);
    const status = await startThroughApi(page, `/api/patients/${patientId}/medications`, {
      id: crypto.randomUUID(),
      catalogueId: catalogue.entries[0]?.id ?? null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      startDate: today,
      endDate: null,
      doseAmount: 400,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['20:00'], weekdays: null },
      reason: 'Bipolar disorder; agreed with Tom.',
      steps: [],
    });
    expect(status).toBe(201);

    const medicationPosts = countRequests(page, 'POST', /\/medications$/);
    const resultPosts = countRequests(page, 'POST', /\/medication-monitoring\/results$/);
    const bookings = countRequests(page, 'POST', /\/appointments$/);

    // Prescribing: a dose above the schema's limit is refused at the dose field with the limit in words;
    // far above the label maximum, the button waits for a reason, so nothing can be sent.
    await page.goto(`/patients/${patientId}/medications`);
    await heading(page, 'Medications');
    await page.getByRole('button', { name: 'Start a medication' }).click();
    const medication = page.getByRole('combobox', { name: 'Medication' });
    await medication.click();
    await medication.fill('sertra');
    await page.getByRole('option', { name: 'Sertraline (SSRI)' }).click();
    const dose = page.getByLabel(/^Dose( \*)?$/);
    await dose.fill('200000');
    const reason = page.getByLabel(/^Reason( \*)?$/);
    await reason.fill('Moderate depression; agreed with Tom.');
    await expect.poll(() => dose.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, dose)).toContain('The dose must be 100,000 or less.');
    await expect(dose.inputValue()).resolves.toMatch(/^200,?000$/);
    const record = page.getByRole('button', { name: 'Record medication' });
    await expect(record.isDisabled()).resolves.toBe(true);
    // A dose of 0: "Record" checks every field, names the dose's problem there and puts the focus on it.
    await dose.fill('0');
    await record.click();
    await expect.poll(() => helpOf(page, dose)).toContain('The dose must be above 0.');
    await expect(isFocused(dose)).resolves.toBe(true);
    await expect(reason.inputValue()).resolves.toBe('Moderate depression; agreed with Tom.');
    // An emptied dose is not 0: it is asked for at the field.
    await dose.fill('');
    await record.click();
    await expect.poll(() => helpOf(page, dose)).toContain('Enter the dose.');
    expect(medicationPosts()).toBe(0);
    await expectNoAxeViolations(page, 'start medication, dose refused');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A dose change: the emptied dose is asked for at the field, the reason kept; nothing sent.
    const changes = countRequests(page, 'POST', /\/medications\/[^/]+\/changes$/);
    const lithium = page.getByRole('article', { name: /Lithium/ });
    await lithium.getByRole('button', { name: 'Change…' }).click();
    await page.getByRole('menuitem', { name: 'Change dose or schedule' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    const dialog = page.getByRole('dialog');
    const newDose = dialog.getByLabel(/^New dose/);
    await newDose.fill('');
    await dialog.getByLabel(/^Reason/).fill('Level low at 0.4 mmol/L.');
    await dialog.getByRole('button', { name: 'Record change' }).click();
    await expect.poll(() => newDose.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, newDose)).toContain('Enter the dose.');
    await expect(isFocused(newDose)).resolves.toBe(true);
    await expect(dialog.getByLabel(/^Reason/).inputValue()).resolves.toBe('Level low at 0.4 mmol/L.');
    expect(changes()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Lab entry: nothing typed as the result is refused at the value field, focused; nothing sent.
    const labForm = page.getByRole('form', { name: 'Record a monitoring result' });
    await labForm.getByRole('button', { name: 'Record result' }).click();
    const value = labForm.getByLabel(/^Value/);
    await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, value)).toContain('Enter the result.');
    await expect(isFocused(value)).resolves.toBe(true);
    // An impossible value is named at the field while typing, and stays as typed.
    await value.fill('-0.4');
    await expect.poll(() => helpOf(page, value)).toContain('cannot be negative');
    await expect(value.inputValue()).resolves.toBe('-0.4');
    await labForm.getByRole('button', { name: 'Record result' }).click();
    expect(resultPosts()).toBe(0);
    await expectNoAxeViolations(page, 'lab entry refused');

    // Appointment booking: an emptied length is an error at the field, never the server's default of 50.
    await page.goto(`/patients/${patientId}/appointments`);
    await heading(page, /^Appointments/);
    const minutes = page.getByLabel(/^Minutes/);
    await minutes.fill('');
    const firstDay = page.getByLabel(/^First day/);
    await page.getByRole('button', { name: /^Book (series|appointment)$/ }).click();
    await expect.poll(() => minutes.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, minutes)).toContain('Enter the length in minutes, from 10 to 240.');
    await expect(minutes.inputValue()).resolves.toBe('');
    // The first field in error (the day, above) has the focus.
    await expect.poll(() => firstDay.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, firstDay)).toContain('Choose a day.');
    await expect(isFocused(firstDay)).resolves.toBe(true);
    // Too long a session: the range in words, what was typed kept.
    await minutes.fill('300');
    await minutes.blur();
    await expect.poll(() => helpOf(page, minutes)).toContain('240');
    await expect(minutes.inputValue()).resolves.toBe('300');
    expect(bookings()).toBe(0);
    await expectNoAxeViolations(page, 'appointment booking refused');

    // The plan editor (Tom has a draft): a goal left empty is refused at its field, nothing sent.
    const planSaves = countRequests(page, 'PATCH', /\/plan\/draft$/);
    await page.goto(`/patients/${patientId}/plan`);
    await heading(page, 'Treatment plan');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    const goal = page.getByRole('group', { name: 'Goals' }).getByLabel("In the patient's words").last();
    await expect.poll(() => goal.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, goal)).toContain('Write the goal in the patient’s words, or remove it.');
    await expect(isFocused(goal)).resolves.toBe(true);
    expect(planSaves()).toBe(0);
    await expectNoAxeViolations(page, 'plan draft refused');
    expect(errors()).toEqual([]);
    await context.close();
  });

  it('admin: a clinic setting out of range is refused at its field, the others kept, a good value saves; a bad scope is named at its field', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await signInAndOpen(page, DEMO.admin, '/admin/settings');
    await heading(page, 'Clinic settings');
    const saves = countRequests(page, 'PUT', /\/api\/admin\/settings$/);

    const weeks = page.getByLabel(/^Review treatment plans after/);
    await weeks.fill('6');
    const hours = page.getByLabel(/^Escalate unresolved urgent alerts after/);
    await hours.fill('100');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => hours.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, hours)).toContain('Enter a number from 0.25 to 72; 100 is outside that range.');
    await expect(isFocused(hours)).resolves.toBe(true);
    await expect(hours.inputValue()).resolves.toBe('100');
    await expect(weeks.inputValue()).resolves.toBe('6');
    expect(await weeks.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Check the fields marked above.' }).waitFor();
    expect(saves()).toBe(0);
    await expectNoAxeViolations(page, 'clinic settings refused');

    // Fixed: saved once, the other change kept.
    await hours.fill('8');
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/admin/settings') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect((await answered).status()).toBe(200);
    expect(saves()).toBe(1);
    const saved = (await apiFromPage(page, '/api/admin/settings')).body as {
      escalationHours: number;
      planReviewWeeks: number;
    };
    expect(saved.escalationHours).toBe(8);
    expect(saved.planReviewWeeks).toBe(6);

    // The API-clients form: a scope the server would refuse is named at the scopes field, nothing sent.
    const created = countRequests(page, 'POST', /\/api\/admin\/api-clients$/);
    await page.goto('/admin/api-clients');
    await heading(page, /API clients/);
    await page.getByLabel(/^Name of the integration/).fill('Lab interface');
    const scopes = page.getByLabel(/^Scopes/);
    await scopes.fill('system/Observation.rs patient/everything');
    await page.getByRole('button', { name: 'Create API client' }).click();
    await expect.poll(() => scopes.getAttribute('aria-invalid')).toBe('true');
    expect(await helpOf(page, scopes)).toContain('patient/everything');
    await expect(isFocused(scopes)).resolves.toBe(true);
    await expect(page.getByLabel(/^Name of the integration/).inputValue()).resolves.toBe('Lab interface');
    expect(created()).toBe(0);
    await expectNoAxeViolations(page, 'API client refused');
    expect(errors()).toEqual([]);
    await context.close();
  });
});
