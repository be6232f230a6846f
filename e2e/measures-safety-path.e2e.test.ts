// Journey (issue 5): a patient answers a PHQ-9 with item 9 = 1 and at once sees crisis resources on the same
// screen; the therapist and the prescriber get the urgent alert; the therapist records the risk assessment,
// which resolves it; the registry flags who needs attention; a case review records a recommendation that
// reaches the team through the inbox.
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
import { DEMO, apiFromPage, heading, reloadUntil, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

type RegistryBody = {
  patients: {
    patientId: string;
    givenName: string;
    familyName: string;
    flags: string[];
    weeksInTreatment: number | null;
    phq9: { changePercent: number | null };
  }[];
};

describe('measurement-based care: the safety path, registry and case review', () => {
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
    'item 9 above 0: crisis resources at once, urgent alert, risk assessment, registry, case review',
    { timeout: 300_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;

      // 1. The patient, on a phone, opens the PHQ-9 from the home page and answers item 9 with "Several days".
      const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
      const patient = await patientContext.newPage();
      const patientErrors = watchForPageErrors(patient);
      await signIn(patient, DEMO.patient, /\/home$/);
      await heading(patient, /, Sam$/);
      const due = patient.getByRole('region', { name: 'Questionnaires due' });
      await due.waitFor();
      await due
        .getByText(/Due |Nothing to fill in|could not be loaded/)
        .first()
        .waitFor();
      await look(patient, 'patient-home-measures-due');
      const start = due.getByRole('link', { name: 'Start PHQ-9' });
      if ((await start.count()) > 0) await start.click();
      else await patient.goto('/home/measures/phq9');
      await heading(patient, 'Patient Health Questionnaire (PHQ-9)');
      await patient
        .getByText(
          'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
        )
        .waitFor();
      await patient.getByText(/Developed by Drs\. Robert L\. Spitzer/).waitFor();
      for (let item = 1; item <= 8; item += 1) {
        await patient
          .getByRole('group', { name: new RegExp(`^${String(item)}\\. `) })
          .getByLabel('Several days')
          .check();
      }
      const item9 = patient.getByRole('group', {
        name: '9. Thoughts that you would be better off dead or of hurting yourself in some way',
      });
      await item9.getByLabel('Several days').check();
      await patient.getByText('9 of 9 answered').waitFor();
      await look(patient, 'patient-phq9-form');
      await patient.getByRole('button', { name: 'Send my answers' }).click();

      // The same screen shows the crisis resources first, as an alert that has the focus.
      const crisis = patient.getByRole('alert').filter({ hasText: 'You do not have to face this alone' });
      await crisis.waitFor();
      await expect(crisis.getByRole('link', { name: /988/ }).first().getAttribute('href')).resolves.toBe(
        'tel:988',
      );
      await expect(crisis.getByRole('link', { name: /911/ }).first().getAttribute('href')).resolves.toBe(
        'tel:911',
      );
      await crisis.getByRole('link', { name: 'Text 988', exact: true }).waitFor();
      await crisis.getByRole('link', { name: 'Call 988', exact: true }).waitFor();
      await crisis.getByRole('link', { name: 'Open my whole safety plan' }).waitFor();
      await expect(patient.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
        'crisis-resources',
      );
      expect(patient.url()).toMatch(/\/home\/measures\/phq9$/);
      await patient.getByText('Thank you, your answers are saved').waitFor();
      await patient.getByText(/Your PHQ-9 score is/).waitFor();
      await look(patient, 'patient-phq9-crisis');
      expect(patientErrors()).toEqual([]);
      await patientContext.close();

      // 2. The therapist and the prescriber both get the urgent alert.
      const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const therapist = await therapistContext.newPage();
      const therapistErrors = watchForPageErrors(therapist);
      await signInAndOpen(therapist, DEMO.therapist, '/inbox');
      await heading(therapist, 'Inbox');
      const selfHarm = therapist
        .getByRole('listitem', { name: /^Urgent: PHQ-9 item 9/ })
        .filter({ hasText: 'Sam Rivera' });
      await reloadUntil(
        therapist,
        async () => (await selfHarm.count()) > 0,
        'the self-harm alert (therapist)',
      );
      await look(therapist, 'inbox-self-harm-therapist');

      const prescriberContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const prescriber = await prescriberContext.newPage();
      const prescriberErrors = watchForPageErrors(prescriber);
      await signInAndOpen(prescriber, DEMO.prescriber, '/inbox');
      await heading(prescriber, 'Inbox');
      const prescriberAlert = prescriber
        .getByRole('listitem', { name: /^Urgent: PHQ-9 item 9/ })
        .filter({ hasText: 'Sam Rivera' });
      await reloadUntil(
        prescriber,
        async () => (await prescriberAlert.count()) > 0,
        'the self-harm alert (prescriber)',
      );

      // 3. The therapist records the risk assessment from the alert: it resolves the alert.
      // The demo clinic already holds an open item-9 alert for Sam: this one must leave, that one stays.
      const openBefore = await selfHarm.count();
      await selfHarm.first().getByRole('button', { name: 'Record risk assessment' }).click();
      const dialog = therapist.getByRole('dialog', { name: /Risk assessment: Sam Rivera/ });
      await dialog.getByLabel('How').selectOption({ label: 'Phone call' });
      await dialog.getByLabel('Outcome').selectOption({ label: 'Risk managed in outpatient care' });
      await dialog.getByLabel('Safety plan reviewed').check();
      await dialog.getByLabel('Crisis resources given').check();
      await dialog
        .getByLabel('Notes')
        .fill('Passive thoughts, no plan or intent. Safety plan reviewed together.');
      await look(therapist, 'risk-assessment-form');
      await dialog.getByRole('button', { name: 'Record risk assessment' }).click();
      await therapist.getByText('Risk assessment recorded').waitFor();
      await reloadUntil(
        therapist,
        async () => (await selfHarm.count()) === openBefore - 1,
        'the self-harm alert to leave the inbox',
      );
      await therapist.goto('/inbox?view=resolved');
      await therapist
        .getByRole('listitem', { name: /PHQ-9 item 9/ })
        .filter({ hasText: 'Sam Rivera' })
        .getByText(/Resolved by Priya Shah/)
        .first()
        .waitFor();

      // The symptoms page shows the response (source: patient, item 9) and the risk-assessment history.
      await therapist.goto('/caseload');
      await therapist.getByRole('link', { name: 'Rivera, Sam' }).click();
      await heading(therapist, 'Sam Rivera');
      const patientPath = new URL(therapist.url()).pathname;
      await therapist
        .getByRole('region', { name: 'Symptoms' })
        .getByRole('link', { name: 'Charts and responses' })
        .click();
      await heading(therapist, 'Symptoms: Sam Rivera');
      const responses = therapist.getByRole('region', { name: 'Responses' });
      await responses.getByText('Item 9: 1').first().waitFor();
      await therapist
        .getByRole('region', { name: 'Risk assessments' })
        .getByText('Risk managed in outpatient care')
        .waitFor();
      await therapist.getByRole('img', { name: /PHQ-9 over time/ }).waitFor();
      await look(therapist, 'symptoms-page');
      await therapist.getByRole('button', { name: 'Record answers given in session' }).click();
      await therapist.getByRole('form', { name: /answers given in session/ }).waitFor();
      await look(therapist, 'symptoms-in-session-form');
      expect(therapistErrors()).toEqual([]);

      // 4. The registry: the care manager sees her caseload and everyone, needs-attention first.
      const cmContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const careManager = await cmContext.newPage();
      const cmErrors = watchForPageErrors(careManager);
      await signIn(careManager, DEMO.careManager, /\/caseload$/);
      await careManager
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Registry' })
        .click();
      await heading(careManager, 'Registry');
      await careManager.getByText('All', { exact: true }).click();
      const table = careManager.getByRole('region', { name: 'Registry table' });
      await table.getByRole('link', { name: 'Rivera, Sam' }).waitFor();
      await look(careManager, 'registry');
      const registry = (await apiFromPage(careManager, '/api/registry?scope=all')).body as RegistryBody;
      const reviewTreatment = registry.patients.find(
        (p) => p.flags.includes('not_improving') && (p.weeksInTreatment ?? 0) >= 10,
      );
      if (reviewTreatment) {
        // The demo clinic's "not improving" patient (week 11, a 30% fall) is flagged "review treatment".
        const row = table
          .getByRole('row')
          .filter({ hasText: `${reviewTreatment.familyName}, ${reviewTreatment.givenName}` });
        await row.getByText('Review treatment').waitFor();
        await careManager.getByLabel('Flag').selectOption({ label: 'Review treatment' });
        await table
          .getByRole('link', { name: `${reviewTreatment.familyName}, ${reviewTreatment.givenName}` })
          .waitFor();
        await careManager.getByLabel('Flag').selectOption({ label: 'Any flag' });
      } else {
        console.warn(
          'No demo patient is flagged not_improving at week 10 or later: the demo seed has no measures yet.',
        );
      }
      // Sorting by a column says so to assistive technology.
      await table.getByRole('button', { name: /^Weeks/ }).click();
      await table.locator('th[aria-sort]').waitFor();
      await expect(table.locator('th[aria-sort]').textContent()).resolves.toMatch(/^Weeks/);

      // 5. Case review: the care manager marks Sam from the patient page and starts a review.
      await careManager.goto(patientPath);
      await heading(careManager, 'Sam Rivera');
      const caseReviewCard = careManager.getByRole('region', { name: 'Case review' });
      await caseReviewCard
        .getByLabel('What to discuss')
        .fill('Item 9 answered; PHQ-9 still moderate after 8 weeks.');
      await caseReviewCard.getByRole('button', { name: 'Mark for case review' }).click();
      await caseReviewCard.getByText('Marked for case review').waitFor();
      await careManager.goto('/case-review');
      await heading(careManager, 'Case reviews');
      await careManager.getByRole('checkbox', { name: /Daniel Okafor/ }).check();
      await look(careManager, 'case-reviews');
      await careManager.getByRole('button', { name: 'Start case review' }).click();
      await careManager.waitForURL(/\/case-review\/[0-9a-f-]{36}$/);
      const sessionPath = new URL(careManager.url()).pathname;
      await heading(careManager, 'Case review');
      await careManager.getByText(/^Patient 1 of \d+$/).waitFor();
      expect(cmErrors()).toEqual([]);
      await cmContext.close();

      // The psychiatric consultant walks through the marked patients and records a recommendation.
      await prescriber.goto(sessionPath);
      await heading(prescriber, 'Case review');
      await prescriber.getByText(/^Patient 1 of \d+$/).waitFor();
      const agenda = prescriber.getByRole('region', { name: 'Sam Rivera' });
      for (let i = 0; i < 10 && (await agenda.count()) === 0; i += 1) {
        const next = prescriber.getByRole('button', { name: 'Next patient' });
        if (await next.isDisabled()) break;
        await next.click();
      }
      if ((await agenda.count()) === 0) {
        await screenshotBoth(prescriber, 'debug-case-review');
        throw new Error(
          `Sam Rivera is not on the prescriber's agenda: ${JSON.stringify((await apiFromPage(prescriber, `/api${sessionPath.replace('/case-review', '/case-reviews')}`)).body)}`,
        );
      }
      const recommendation = 'Increase sertraline to 100 mg; add weekly behavioural activation.';
      await agenda.getByLabel(/^Recommendation/).fill(recommendation);
      await agenda.getByLabel('Details').fill('Review PHQ-9 in 4 weeks.');
      await look(prescriber, 'case-review-session');
      await agenda.getByRole('button', { name: 'Send to the care team' }).click();
      await prescriber.getByText('Recommendation recorded').waitFor();
      await agenda.getByText(recommendation).waitFor();
      expect(prescriberErrors()).toEqual([]);
      await prescriberContext.close();

      // It reaches the team: the therapist's inbox, and the patient's record.
      await therapist.goto('/inbox');
      await heading(therapist, 'Inbox');
      const recAlert = therapist
        .getByRole('listitem')
        .filter({ hasText: 'Case review recommendation' })
        .filter({ hasText: 'Sam Rivera' });
      await reloadUntil(therapist, async () => (await recAlert.count()) > 0, 'the recommendation alert');
      await therapist.goto(patientPath);
      await heading(therapist, 'Sam Rivera');
      await therapist.getByRole('region', { name: 'Case review' }).getByText(recommendation).waitFor();
      await look(therapist, 'patient-overview-measures');
      await therapistContext.close();
    },
  );
});
