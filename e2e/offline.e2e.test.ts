// Journey (issue 17, "Installable and offline"): the demo patient's phone loses its network on the
// underground. Today still opens (the app shell from the service worker's precache, the answers from the
// last sync, with "Offline — showing what was saved at …"); a dose tapped "Taken", a side-effect report and a
// PHQ-9 with item 9 above 0 (the crisis numbers show at once, from the phone) wait on the phone ("Waiting to
// send (3)"); back online they are sent, and the server holds each exactly once (the client ids make a resend
// find the first record).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  PHONE,
  watchForPageErrors,
} from './support/browser';
import { apiFromPage, DEMO, heading, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

const REPORT_TEXT = 'Dizzy on the train this morning (written offline).';

type TodayAnswer = { doses: { doseKey: string; log: { id: string; status: string } | null }[] };
type ReportsAnswer = { reports: { id: string; otherText: string }[] };
type MeasuresAnswer = { responses: { id: string }[] };

const takenCount = (today: TodayAnswer) => today.doses.filter((d) => d.log?.status === 'taken').length;

async function todayShown(page: Page): Promise<void> {
  await heading(page, /^Good (morning|afternoon|evening)/);
  await page.getByRole('heading', { name: 'Today’s medicines' }).waitFor();
  await page.getByText('Loading today’s medicines…').waitFor({ state: 'detached' });
}

describe('offline on the phone: Today opens, a dose and a side effect wait and are sent once', () => {
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
    'logs a dose and a side effect offline and sends them when back online',
    { timeout: 60_000 },
    async () => {
      const context = await newContext(browser!, {
        baseURL: server!.baseUrl,
        viewport: PHONE,
        serviceWorkers: 'allow',
      });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, DEMO.patient, /\/home$/);
      const session = (await apiFromPage(page, '/api/auth/session')).body as { user: { patientId: string } };
      const base = `/api/patients/${session.user.patientId}`;

      // The service worker installs (precaching the shell and the patient's pages) and takes control; the
      // side-effect form and Today are then read once through it, which keeps their answers on the phone.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 20_000,
      });
      await page.goto('/home/side-effects/new');
      await heading(page, 'Tell your prescriber about side effects');
      await page.getByRole('radio', { name: /^Not sure/ }).waitFor();
      await page.goto('/home/safety-plan');
      await page.getByTestId('crisis-resource-list').waitFor();
      await page.goto('/home/measures/phq9');
      await heading(page, 'Patient Health Questionnaire (PHQ-9)');
      await page.goto('/home');
      await todayShown(page);
      const takenBefore = takenCount((await apiFromPage(page, `${base}/doses/today`)).body as TodayAnswer);
      const answersBefore = ((await apiFromPage(page, `${base}/measures`)).body as MeasuresAnswer).responses
        .length;

      // Offline: the app opens from the phone, Today from the last sync, and says so.
      await context.setOffline(true);
      await page.reload();
      await todayShown(page);
      await page.getByText(/^Offline — showing what was saved at \d{1,2}:\d{2}/).waitFor();

      const taken = page.getByRole('button', { name: /^Taken: / }).first();
      const doseLabel = ((await taken.getAttribute('aria-label')) ?? '').replace(/^Taken: /, '');
      await taken.click();
      await page.getByText('Waiting to send (1)').waitFor();
      // Logged on the phone: the dose shows taken, its buttons gone.
      await page.getByRole('listitem', { name: doseLabel }).getByText('Taken', { exact: true }).waitFor();

      await page.goto('/home/side-effects/new');
      await heading(page, 'Tell your prescriber about side effects');
      await page.getByRole('radio', { name: /^Not sure/ }).check();
      await page.getByRole('checkbox', { name: 'Dizziness' }).check();
      await page.getByLabel('Anything else? Describe it in your own words').fill(REPORT_TEXT);
      await page.getByRole('radio', { name: /^Mild/ }).check();
      await page.getByRole('radio', { name: /^1 – Hardly/ }).check();
      await page.getByRole('button', { name: 'Send to my prescriber' }).click();
      await page.getByRole('heading', { name: 'Saved on this phone' }).waitFor();
      await page.getByText('Waiting to send (2)').waitFor();
      await expectNoAxeViolations(page, 'offline banner with two writes waiting');

      // A PHQ-9 answered offline with item 9 above 0: the crisis numbers show at once, from the phone.
      await page.goto('/home/measures/phq9');
      await heading(page, 'Patient Health Questionnaire (PHQ-9)');
      for (let item = 1; item <= 9; item += 1) {
        await page
          .getByRole('group', { name: new RegExp(`^${String(item)}\\. `) })
          .getByLabel(item === 9 ? 'Several days' : 'Not at all')
          .check();
      }
      await page.getByRole('button', { name: 'Send my answers' }).click();
      const crisis = page.getByRole('alert').filter({ hasText: 'You do not have to face this alone' });
      await crisis.getByTestId('crisis-resource-list').waitFor();
      await expect(crisis.locator('a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
      await crisis.getByText(/your care team will be told as soon as it is back online/).waitFor();
      await page.getByText('Waiting to send (3)').waitFor();

      // Back online: both are sent (the `online` event), the waiting state goes.
      await context.setOffline(false);
      await page.getByText(/^Waiting to send/).waitFor({ state: 'detached', timeout: 20_000 });
      await page.getByText(/^Offline/).waitFor({ state: 'detached' });

      // On the server, exactly once each.
      const today = (await apiFromPage(page, `${base}/doses/today`)).body as TodayAnswer;
      expect(takenCount(today)).toBe(takenBefore + 1);
      const reports = (await apiFromPage(page, `${base}/side-effects`)).body as ReportsAnswer;
      expect(reports.reports.filter((r) => r.otherText === REPORT_TEXT)).toHaveLength(1);
      const measures = (await apiFromPage(page, `${base}/measures`)).body as MeasuresAnswer;
      expect(measures.responses).toHaveLength(answersBefore + 1);

      // A second flush (app start) sends nothing again: the queue is empty and the records stay single.
      await page.goto('/home');
      await todayShown(page);
      await page.getByRole('listitem', { name: doseLabel }).getByText('Taken', { exact: true }).waitFor();
      const again = (await apiFromPage(page, `${base}/side-effects`)).body as ReportsAnswer;
      expect(again.reports.filter((r) => r.otherText === REPORT_TEXT)).toHaveLength(1);
      const todayAgain = (await apiFromPage(page, `${base}/doses/today`)).body as TodayAnswer;
      expect(takenCount(todayAgain)).toBe(takenBefore + 1);
      expect(errors()).toEqual([]);
      await context.close();
    },
  );
});
