// Journey (issue 11, laboratory results): a patient takes clozapine; the prescriber records an ANC of 400/uL on the
// medications page, sees at once that it is critical and what to do (interrupt, daily ANC) with the next ANC due
// tomorrow, and the urgent alert reaches the prescriber's inbox.
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
import { DEMO, apiFromPage, heading, reloadUntil, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

/** POST as the signed-in user (CSRF token from the session), answering prescribing warnings with "proceed". */
async function postFromPage(page: Page, path: string, body: Record<string, unknown>): Promise<number> {
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

describe('laboratory results: a critical ANC reaches the prescriber', () => {
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
    'ANC 400/uL on clozapine: critical at the form, next ANC tomorrow, urgent alert in the inbox',
    { timeout: 300_000 },
    async () => {
      const { baseUrl } = server!;
      const context = await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, DEMO.prescriber, /\/caseload$/);
      const caseload = (await apiFromPage(page, '/api/patients')).body as {
        patients: { id: string; givenName: string; familyName: string }[];
      };
      const tom = caseload.patients.find((p) => p.givenName === 'Tom');
      expect(tom).toBeDefined();
      const patientId = tom?.id ?? '';

      // Clozapine started a month ago (set up through the API: this journey is about the result).
      const catalogue = (await apiFromPage(page, '/api/medication-catalogue?q=clozapine')).body as {
        entries: { id: string }[];
      };
      const today = new Date().toISOString().slice(0, 10);
      const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const started = await postFromPage(page, `/api/patients/${patientId}/medications`, {
        id: crypto.randomUUID(),
        catalogueId: catalogue.entries[0]?.id ?? null,
        form: 'tablet',
        route: 'oral',
        instructions: '',
        startDate: monthAgo,
        endDate: null,
        doseAmount: 100,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: null },
        reason: 'Treatment-resistant schizophrenia; agreed with Tom.',
        steps: [],
      });
      expect(started).toBe(201);

      await page.goto(`/patients/${patientId}/medications`);
      await heading(page, 'Medications');
      const card = page.getByRole('region', { name: 'Monitoring' });
      await card.getByRole('cell', { name: 'Absolute neutrophil count (ANC)' }).first().waitFor();

      const form = page.getByRole('form', { name: 'Record a monitoring result' });
      await form
        .getByRole('textbox', { name: 'Test' })
        .or(form.getByRole('combobox', { name: 'Test' }))
        .first()
        .click();
      await page.getByRole('option', { name: 'Absolute neutrophil count (ANC)' }).click();
      // An impossible value is refused at its field before anything is sent.
      await form.getByLabel(/^Value/).fill('-5');
      await expect
        .poll(() => form.getByText('A laboratory result cannot be negative.').isVisible())
        .toBe(true);
      await form.getByLabel(/^Value/).fill('400');
      await form.getByLabel(/^Taken on/).fill(today);
      await expect
        .poll(() => form.getByText('Severe neutropenia (below 500/uL)').first().isVisible())
        .toBe(true);
      await look(page, 'lab-anc-preview');
      await form.getByRole('button', { name: 'Record result' }).click();

      await expect.poll(() => form.getByText(/^Recorded /).isVisible()).toBe(true);
      await expect
        .poll(() =>
          form.getByText('The prescriber and the care team have an urgent alert in their inbox.').isVisible(),
        )
        .toBe(true);
      await expect
        .poll(() =>
          card
            .getByText(/Severe neutropenia: daily ANC/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await look(page, 'lab-anc-recorded');

      // The urgent alert reaches the prescriber's inbox.
      await page.goto('/inbox');
      await heading(page, 'Inbox');
      const alert = page.getByRole('listitem', { name: /Critical: Absolute neutrophil count/ });
      await reloadUntil(page, async () => (await alert.count()) > 0, 'the critical ANC alert');
      await expect
        .poll(() =>
          alert
            .first()
            .getByText(/400 cells\/uL/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await look(page, 'lab-anc-inbox');
      expect(errors()).toEqual([]);
    },
  );
});
