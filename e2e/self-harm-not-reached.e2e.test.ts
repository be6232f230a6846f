// Journey (issue 12): a patient answers PHQ-9 item 9 above 0; the therapist cannot reach them and records
// "not reached": the urgent alert stays open with a follow-up due. The clinic is closed (the admin sets its
// hours and the on-call clinician), so the escalation run sends the alert straight to the on-call clinician,
// who is not on the patient's care team and sees it in her inbox with its history.
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
import { advanceTime } from './support/clock';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

/**
 * The scheduled checks (escalation included) run once a minute of the server's clock: move it a minute on
 * (up to three times, as the real run could have needed) and reload until the check holds.
 */
async function reloadForMinutes(
  server: DuetServer,
  page: Page,
  check: () => Promise<boolean>,
  what: string,
): Promise<void> {
  for (let minute = 1; minute <= 3; minute++) {
    await advanceTime(server, 61_000, [page.context()]);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      await page.reload();
      await page.waitForLoadState('networkidle');
      if (await check()) return;
      await page.waitForTimeout(500);
    }
  }
  throw new Error(`Timed out waiting for ${what} on ${page.url()}`);
}

describe('self-harm alert: not reached keeps it open, and it escalates to on-call', () => {
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
    'not reached → open with a follow-up → out of hours → the on-call clinician has it',
    { timeout: 400_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;

      // 1. The patient answers the PHQ-9 with item 9 = "More than half the days".
      const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
      const patient = await patientContext.newPage();
      const patientErrors = watchForPageErrors(patient);
      await signInAndOpen(patient, DEMO.patient, '/home/measures/phq9');
      await heading(patient, 'Patient Health Questionnaire (PHQ-9)');
      for (let item = 1; item <= 8; item += 1) {
        await patient
          .getByRole('group', { name: new RegExp(`^${String(item)}\\. `) })
          .getByLabel('Several days')
          .check();
      }
      await patient
        .getByRole('group', { name: /^9\. Thoughts that you would be better off dead/ })
        .getByLabel('More than half the days')
        .check();
      await patient.getByRole('button', { name: 'Send my answers' }).click();
      await patient.getByText('Thank you, your answers are saved').waitFor();
      expect(patientErrors()).toEqual([]);
      await patientContext.close();

      // 2. The therapist tries to call, cannot reach the patient, and records that from the alert.
      const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const therapist = await therapistContext.newPage();
      const therapistErrors = watchForPageErrors(therapist);
      await signInAndOpen(therapist, DEMO.therapist, '/inbox');
      await heading(therapist, 'Inbox');
      const selfHarm = therapist
        .getByRole('listitem', { name: /^Urgent: PHQ-9 item 9/ })
        .filter({ hasText: 'Sam Rivera' });
      await reloadUntil(therapist, async () => (await selfHarm.count()) > 0, 'the self-harm alert');
      const newest = selfHarm.filter({ hasNotText: 'not reached' }).first();
      await expect(newest.getByRole('button', { name: /^Resolve/ }).count()).resolves.toBe(0);
      await newest.getByRole('button', { name: 'Record risk assessment' }).click();
      const dialog = therapist.getByRole('dialog', { name: /Risk assessment: Sam Rivera/ });
      await dialog.getByLabel('How').selectOption({ label: 'Could not reach the patient' });
      await dialog.getByLabel('Outcome').selectOption({ label: 'Not reached, follow-up planned' });
      await dialog.getByLabel('Notes').fill('Called twice at 10:05 and 10:20, voicemail. Will try again.');
      await dialog.getByRole('button', { name: 'Record risk assessment' }).click();
      await therapist
        .getByText('The patient was not reached: the alert stays open with a follow-up due.')
        .waitFor();

      // The alert is still open for the team, with the follow-up and the step in its history.
      const notReached = therapist
        .getByRole('listitem', { name: /^Urgent: PHQ-9 item 9/ })
        .filter({ hasText: 'Patient not reached: follow-up due by' });
      await reloadUntil(therapist, async () => (await notReached.count()) === 1, 'the alert, still open');
      await notReached.getByText(/^History/).click();
      await notReached.getByText(/Priya Shah could not reach the patient; a follow-up is due/).waitFor();
      await look(therapist, 'inbox-self-harm-not-reached');
      expect(therapistErrors()).toEqual([]);

      // 3. The admin names the on-call clinician and sets clinic hours the clinic is outside of now.
      const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const admin = await adminContext.newPage();
      const adminErrors = watchForPageErrors(admin);
      await signInAndOpen(admin, DEMO.admin, '/admin/settings');
      await heading(admin, 'Clinic settings');
      await admin.getByLabel('On-call contact').selectOption({ label: 'Elena Novak (Therapist)' });
      await admin.getByLabel('Opens at').fill('00:00');
      await admin.getByLabel('Closes at').fill('00:01');
      await admin.getByLabel('While the clinic is closed').selectOption('on_call_now');
      await look(admin, 'admin-settings-escalation');
      await admin.getByRole('button', { name: 'Save settings' }).click();
      await admin.getByText('Settings saved').waitFor();
      expect(adminErrors()).toEqual([]);

      // 4. The on-call clinician, not on Sam's care team, gets the alert with whom it was escalated to.
      const onCallContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const onCall = await onCallContext.newPage();
      const onCallErrors = watchForPageErrors(onCall);
      await signInAndOpen(onCall, DEMO.therapist2, '/inbox');
      await heading(onCall, 'Inbox');
      const escalated = onCall
        .getByRole('listitem', { name: /^Urgent: PHQ-9 item 9/ })
        .filter({ hasText: 'Patient not reached: follow-up due by' });
      await reloadForMinutes(
        server!,
        onCall,
        async () => (await escalated.count()) === 1,
        'the escalated alert',
      );
      await expect(escalated.getByText(/escalated .* to Elena Novak/).count()).resolves.toBe(1);
      await escalated.getByText(/^History/).click();
      await escalated.getByText(/Escalated to Elena Novak: The clinic is closed/).waitFor();
      await look(onCall, 'inbox-escalated-to-on-call');

      // 4b. Off the team the patient page is closed to her, so the alert offers "Reach the patient" instead:
      // the phone number as a call link, what raised the alert and the safety plan (issue 12).
      await expect(escalated.getByRole('link', { name: 'Sam Rivera' }).count()).resolves.toBe(0);
      const reach = escalated.getByRole('region', { name: 'Reach the patient: Sam Rivera' });
      await reach.getByRole('button', { name: 'Show contact details and safety plan' }).click();
      const call = reach.getByRole('link', { name: 'Call Sam: +1 312 555 0142' });
      await call.waitFor();
      expect(await call.getAttribute('href')).toBe('tel:+13125550142');
      await reach
        .getByRole('region', { name: 'What raised the alert' })
        .getByText(/thoughts that they would be better off dead/)
        .first()
        .waitFor();
      await reach.getByRole('region', { name: 'Their safety plan' }).waitFor();
      await look(onCall, 'inbox-reach-the-patient');

      // 5. She reaches the patient and records it from the alert: it is resolved for everyone.
      await escalated.getByRole('button', { name: 'Record risk assessment' }).click();
      const onCallDialog = onCall.getByRole('dialog', { name: /Risk assessment: Sam Rivera/ });
      await onCallDialog.getByLabel('How').selectOption({ label: 'Phone call' });
      await onCallDialog.getByLabel('Outcome').selectOption({ label: 'No immediate risk' });
      await onCallDialog
        .getByLabel('Notes')
        .fill('Reached at home, safe, plan agreed; therapist to follow up.');
      await onCallDialog.getByRole('button', { name: 'Record risk assessment' }).click();
      await onCall.getByText('The self-harm alert is resolved for the whole team.').waitFor();
      await reloadUntil(onCall, async () => (await escalated.count()) === 0, 'the alert to leave the inbox');
      expect(onCallErrors()).toEqual([]);
    },
  );
});
