// Journey (issue 13, V4): a patient reads "who has seen my record" on a phone, grouped per person, action and
// day; opens the times of a line; sees the refused attempts of a clinician off the team apart from the reads.
import type { Browser } from 'playwright-core';
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
import { DEMO, apiFromPage, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

describe('a patient reads a grouped access report', () => {
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

  it('shows one line per person and action with its times on demand, refused attempts apart', async () => {
    const { baseUrl } = server!;
    const chromium = browser!;

    // 1. Priya (Sam's therapist) opens Sam's record three times.
    const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const therapist = await therapistContext.newPage();
    await signIn(therapist, DEMO.therapist, /\/caseload$/);
    const caseload = await apiFromPage(therapist, '/api/patients');
    const sam = (caseload.body as { patients: { id: string; familyName: string }[] }).patients.find(
      (p) => p.familyName === 'Rivera',
    );
    expect(sam).toBeDefined();
    const samId = sam?.id ?? '';
    for (let i = 0; i < 3; i++)
      expect((await apiFromPage(therapist, `/api/patients/${samId}`)).status).toBe(200);
    await therapistContext.close();

    // 2. Elena, a therapist off Sam's team, tries three times and is refused (not found, like an unknown id).
    const outsiderContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const outsider = await outsiderContext.newPage();
    await signIn(outsider, DEMO.therapist2, /\/caseload$/);
    for (let i = 0; i < 3; i++)
      expect((await apiFromPage(outsider, `/api/patients/${samId}`)).status).toBe(404);
    await outsiderContext.close();

    // 3. Sam reads the report on a phone.
    const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    const errors = watchForPageErrors(patient);
    await signIn(patient, DEMO.patient, /\/home$/);
    await patient
      .getByRole('main')
      .getByRole('link', { name: /Who has seen my record/ })
      .click();
    await patient.waitForURL(/\/home\/access$/);
    await heading(patient, 'Who has seen my record');

    // Today's section: Priya's opens are one line with a count, not three entries.
    const today = patient.getByRole('region').first();
    const priya = today.getByRole('listitem').filter({ hasText: /Priya Shah, therapist opened your record/ });
    await priya.waitFor();
    expect(await priya.count()).toBe(1);
    expect(await priya.textContent()).toMatch(/\d+ times, (at|between) /);

    // Refused attempts apart, summarised per person.
    const refused = today.getByRole('region', { name: 'Refused attempts' });
    await refused.getByText(/3 refused attempts by/).waitFor();
    expect(await refused.textContent()).toContain('Elena Novak, therapist');
    expect(
      await today
        .getByRole('listitem')
        .filter({ hasText: /Elena Novak.*opened/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(patient, 'grouped access report');
    await screenshotBoth(patient, 'access-report-grouped');

    // "Show times" opens the individual times of Priya's line.
    const show = priya.getByRole('button', { name: 'Show times' });
    await show.click();
    await priya.getByRole('button', { name: 'Hide times' }).waitFor();
    const times = priya.getByRole('list').getByRole('listitem');
    await times.first().waitFor();
    expect(await times.count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(patient, 'access report with times open');
    await screenshotBoth(patient, 'access-report-times');

    expect(errors()).toEqual([]);
    await patientContext.close();
  });
});
