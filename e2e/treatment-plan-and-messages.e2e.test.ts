// Journey (issue 3): the therapist drafts a plan from a template, the prescriber adds the medication part and
// signs (issue 15: the sign step shows the words changed and asks for the attestation), the therapist signs,
// the patient sees the agreed plan and acknowledges it, then asks a question; the
// therapist answers; the therapist sends a consult request, which the prescriber sees in the inbox,
// acknowledges and answers.
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
import { DEMO, heading, reloadUntil, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';
import { sentInviteLink } from './support/mail-store';

/** Checks the page, then screenshots it at phone and desktop size. */
async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

describe('one plan the team agrees on, messages and consults', () => {
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

  it('drafts, signs, acknowledges, asks, answers and consults', { timeout: 240_000 }, async () => {
    const { baseUrl } = server!;
    const chromium = browser!;
    const email = `avery.lind.${Date.now()}@example.test`;
    const password = 'bright harbour evening 2026';

    // 0. A fresh patient with the demo therapist, prescriber and care manager, so the plan starts clean.
    const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const therapist = await therapistContext.newPage();
    const therapistErrors = watchForPageErrors(therapist);
    await signInAndOpen(therapist, DEMO.therapist, '/patients/new');
    await heading(therapist, 'Enrol patient');
    await therapist.getByLabel('Given name').fill('Avery');
    await therapist.getByLabel('Family name').fill('Lind');
    await therapist.getByLabel('Date of birth').fill('1990-02-11');
    await therapist.getByLabel('Email').fill(email);
    const team = therapist.getByRole('region', { name: 'Care team' });
    await team.getByLabel('Prescriber').selectOption({ label: 'Daniel Okafor' });
    await team.getByLabel('Care manager').selectOption({ label: 'Jordan Lee' });
    await therapist.getByRole('button', { name: 'Enrol and send invitation' }).click();
    await therapist.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    const patientPath = new URL(therapist.url()).pathname;
    await heading(therapist, 'Avery Lind');

    // 1. The therapist starts the plan from a template and writes the shared parts and her therapy part.
    const planCard = therapist.getByRole('region', { name: 'Treatment plan' });
    await planCard.getByText('No plan yet', { exact: true }).waitFor();
    await planCard.getByRole('link', { name: 'Start plan' }).click();
    await therapist.waitForURL(/\/plan$/);
    await heading(therapist, 'Treatment plan');
    const templateSelect = therapist.getByLabel('Template');
    await templateSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    const templateName = (await templateSelect.locator('option').nth(1).textContent()) ?? '';
    await templateSelect.selectOption({ index: 1 });
    await look(therapist, 'plan-start');
    await therapist.getByRole('button', { name: 'Start draft' }).click();
    await therapist.getByRole('tab', { name: /Draft \(version 1\)/ }).waitFor();
    expect(templateName).not.toBe('');

    await therapist.getByRole('button', { name: 'Add goal' }).click();
    const goals = therapist.getByRole('group', { name: 'Goals' });
    await goals.getByLabel("In the patient's words").last().fill('Get back to work three days a week');
    await goals.getByLabel('Measurable target').last().fill('Working 3 days a week');
    await therapist.getByLabel('Warning signs').fill('Staying in bed all day\nNot answering friends');
    await therapist.getByLabel('Professionals and crisis lines').fill('Lakeside clinic, +1 312 555 0100');
    await expect(
      therapist.getByLabel('Medication strategy').getAttribute('readonly'),
    ).resolves.not.toBeNull();
    await therapist.getByRole('button', { name: 'Save draft' }).click();
    await therapist.getByText('All changes saved.').waitFor();
    await look(therapist, 'plan-draft-therapist');
    await therapistContext.close();

    // 2. The prescriber writes the medication part and signs; the inbox already lists the plan.
    const prescriberContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const prescriber = await prescriberContext.newPage();
    const prescriberErrors = watchForPageErrors(prescriber);
    await signIn(prescriber, DEMO.prescriber, /\/caseload$/);
    // The demo's Maya Chen: her plan, waiting for this prescriber, links her medication records (issue 15).
    const mayaPath = await prescriber.evaluate(async () => {
      const r = (await (await fetch('/api/patients', { credentials: 'same-origin' })).json()) as {
        patients: { id: string; familyName: string }[];
      };
      return `/patients/${r.patients.find((p) => p.familyName === 'Chen')?.id ?? ''}/plan`;
    });
    await prescriber.goto(mayaPath);
    const mayaMeds = prescriber.getByRole('group', { name: 'Medications in this plan' });
    await mayaMeds.getByLabel('Intended change for Sertraline').waitFor();
    await expect(mayaMeds.getByRole('checkbox', { name: /^Sertraline: / }).isChecked()).resolves.toBe(true);
    await look(prescriber, 'plan-linked-medications');
    await prescriber.goto(`${patientPath}/plan`);
    await heading(prescriber, 'Treatment plan');
    await prescriber
      .getByLabel('Medication strategy')
      .fill('Start sertraline 50 mg, aim for 100 mg by week 4.');
    await expect(prescriber.getByLabel('Modality').isDisabled()).resolves.toBe(true);
    await prescriber.getByRole('button', { name: 'Save draft' }).click();
    await prescriber.getByText('All changes saved.').waitFor();
    // The sign step shows the exact words added since the last signed version (none yet: all of it), and
    // signing needs the attestation ticked (issue 15).
    const signStep = prescriber.getByRole('region', { name: 'Sign version 1' });
    await signStep
      .locator('ins')
      .filter({ hasText: 'Start sertraline 50 mg, aim for 100 mg by week 4.' })
      .waitFor();
    await expect(signStep.getByRole('button', { name: 'Sign version 1' }).isDisabled()).resolves.toBe(true);
    await signStep.getByRole('checkbox', { name: /agree to it as written/ }).check();
    await look(prescriber, 'plan-sign-step');
    await signStep.getByRole('button', { name: 'Sign version 1' }).click();
    await signStep.getByText('You signed version 1.').waitFor();
    await prescriber.getByText(/Waiting for: Priya Shah/).waitFor();

    // History shows who changed what; the diff needs two versions, so here it says so.
    await prescriber.getByRole('tab', { name: 'History' }).click();
    await prescriber.getByText(/Version 1 edited: Medication/).waitFor();
    await prescriber.getByText(/Attested: “I have read this version of the plan/).waitFor();
    await look(prescriber, 'plan-history');

    // 3. The therapist signs: the plan is agreed.
    const therapist2Context = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const therapist2 = await therapist2Context.newPage();
    await signInAndOpen(therapist2, DEMO.therapist, '/inbox');
    await heading(therapist2, 'Inbox');
    await reloadUntil(
      therapist2,
      async () =>
        (await therapist2
          .getByRole('listitem')
          .filter({ hasText: 'Avery Lind' })
          .filter({ hasText: 'signature' })
          .count()) > 0,
      'the signature alert',
    );
    await look(therapist2, 'inbox-therapist');
    await therapist2.goto(`${patientPath}/plan`);
    await heading(therapist2, 'Treatment plan');
    await therapist2.getByText(/Signed by Daniel Okafor/).waitFor();
    await therapist2.getByRole('checkbox', { name: /agree to it as written/ }).check();
    await therapist2.getByRole('button', { name: 'Sign version 1' }).click();
    await therapist2.getByText(/Agreed version 1/).waitFor();
    await therapist2.getByText('Agreed', { exact: true }).first().waitFor();
    await look(therapist2, 'plan-agreed');

    // 4. The patient signs up, opens the plan from home, acknowledges it and asks about it.
    const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin, /\/admin\/users$/);
    const invitePath = sentInviteLink(server!, email);
    await admin.goto('/admin/settings');
    await heading(admin, 'Clinic settings');
    await admin.getByLabel('On-call contact').selectOption({ label: 'Jordan Lee (Care manager)' });
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved').waitFor();
    await look(admin, 'clinic-settings');
    await adminContext.close();

    const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    const patientErrors = watchForPageErrors(patient);
    await patient.goto(invitePath);
    await patient.getByLabel('Choose a password').fill(password);
    await patient.getByLabel('Type it again').fill(password);
    await patient.getByRole('button', { name: 'Set password and sign in' }).click();
    await patient.waitForURL(/\/home$/);
    await heading(patient, /, Avery$/);
    await look(patient, 'patient-home-with-plan');

    // The safety plan is one tap away, from the home page and from the header.
    await patient.getByRole('banner').getByRole('link', { name: 'Safety plan' }).click();
    await heading(patient, 'My safety plan');
    await patient.getByText('Staying in bed all day').waitFor();
    await patient.getByRole('link', { name: 'Call +1 312 555 0100' }).waitFor();
    await look(patient, 'patient-safety-plan');

    await patient.goto('/home');
    await patient.getByRole('main').getByRole('link', { name: 'My treatment plan' }).click();
    await heading(patient, 'Your treatment plan');
    await patient
      .getByText(/sertraline/)
      .first()
      .waitFor();
    await look(patient, 'patient-plan');
    await patient.getByRole('button', { name: 'I have read my plan and agree' }).click();
    await patient.getByText(/You acknowledged this plan/).waitFor();
    await patient.getByLabel('Your question or comment').fill('Can I take the sertraline in the evening?');
    await patient.getByRole('button', { name: 'Send to my care team' }).click();
    await patient.getByText('Can I take the sertraline in the evening?').waitFor();

    // …and asks the care team a question from home.
    await patient.goto('/home');
    // Home's cards arrive in their own chunks after the page: click once they have all settled, so the link is
    // not swapped under the pointer.
    await patient.waitForLoadState('networkidle');
    await patient.getByRole('link', { name: 'Ask your care team' }).click();
    await heading(patient, 'Ask your care team');
    await patient.getByLabel('What is it about?').fill('Work and sessions');
    await patient
      .getByLabel('Your question or message')
      .fill('Can we move my sessions to Fridays once I am back at work?');
    await look(patient, 'patient-ask');
    await patient.getByRole('button', { name: 'Send' }).click();
    await heading(patient, 'Work and sessions');
    await patient.getByText('Not read yet').waitFor();

    // 5. The therapist sees the acknowledgement and the question, and answers.
    await therapist2.goto(patientPath);
    await heading(therapist2, 'Avery Lind');
    await therapist2
      .getByRole('region', { name: 'Treatment plan' })
      .getByText('Agreed and acknowledged')
      .waitFor();
    const messages = therapist2.getByRole('region', { name: 'Messages' });
    await messages.getByRole('link', { name: /Work and sessions/ }).click();
    await heading(therapist2, 'Work and sessions');
    await therapist2
      .getByLabel('Message', { exact: true })
      .fill('Yes, Fridays at 4 pm work for me. See you then.');
    await therapist2.getByRole('button', { name: 'Send' }).click();
    await therapist2.getByText('Fridays at 4 pm').waitFor();
    await look(therapist2, 'conversation-clinician');

    await patient.reload();
    await patient.getByText('Fridays at 4 pm').waitFor();
    await patient.getByText(/Seen by Priya Shah/).waitFor();
    await look(patient, 'patient-conversation');
    await patient.goto('/home/messages');
    await heading(patient, 'Messages');
    await look(patient, 'patient-messages');
    expect(patientErrors()).toEqual([]);
    await patientContext.close();

    // 6. The therapist writes in the team thread, mentioning the prescriber, and sends a consult request.
    await therapist2.goto(patientPath);
    await heading(therapist2, 'Avery Lind');
    await therapist2
      .getByRole('region', { name: 'Messages' })
      .getByRole('link', { name: /Care team/ })
      .click();
    await heading(therapist2, 'Team thread');
    await therapist2
      .getByLabel('Message', { exact: true })
      .fill('Avery asks about evening dosing; sending you a consult.');
    await therapist2.getByText('@Daniel Okafor', { exact: true }).click();
    await therapist2.getByRole('button', { name: 'Send' }).click();
    await therapist2.getByText('Mentions: @Daniel Okafor').waitFor();
    await look(therapist2, 'team-thread');

    await therapist2.goto(patientPath);
    await heading(therapist2, 'Avery Lind');
    const consults = therapist2.getByRole('region', { name: 'Consult requests' });
    await consults.getByRole('button', { name: 'New consult request' }).click();
    await consults.getByLabel('Ask').selectOption({ label: 'Daniel Okafor (Prescriber)' });
    await consults.getByRole('radiogroup', { name: 'Priority' }).getByText('High').click();
    const question = 'Avery wants to take sertraline in the evening; sleep is poor. Morning dose instead?';
    await consults.getByLabel('Question').fill(question);
    await consults.getByRole('button', { name: 'Send request' }).click();
    await consults.getByText('Waiting for Daniel Okafor to reply.').waitFor();
    await look(therapist2, 'patient-overview-with-plan');

    // 7. The prescriber sees the consult in the inbox (urgent first), acknowledges it and answers.
    await prescriber.goto(`/inbox?patientId=${patientPath.split('/').pop() ?? ''}`);
    await heading(prescriber, 'Inbox');
    const consultAlert = prescriber.getByRole('listitem').filter({ hasText: question });
    await reloadUntil(prescriber, async () => (await consultAlert.count()) > 0, 'the consult alert');
    await expect(consultAlert.getByText('High').first().isVisible()).resolves.toBe(true);
    await look(prescriber, 'inbox-prescriber');
    await consultAlert.getByRole('button', { name: /^Acknowledge/ }).click();
    await consultAlert.getByText(/^Acknowledged by Daniel Okafor/).waitFor();
    await consultAlert.getByRole('link', { name: 'Answer the consult' }).click();
    const myConsult = prescriber.getByRole('listitem').filter({ hasText: question });
    await myConsult.getByLabel('Your reply').fill('Yes: move it to the morning and keep 50 mg for now.');
    await look(prescriber, 'inbox-consults');
    await myConsult.getByRole('button', { name: 'Send reply' }).click();
    await prescriber.getByText('Reply sent').waitFor();

    await prescriber.goto(patientPath);
    await heading(prescriber, 'Avery Lind');
    const answered = prescriber.getByRole('region', { name: 'Consult requests' });
    await answered.getByText('Reply from Daniel Okafor').waitFor();
    await answered.getByText('Closed').waitFor();
    await prescriber.getByRole('region', { name: 'Alerts' }).waitFor();
    expect(prescriberErrors()).toEqual([]);
    await prescriberContext.close();

    // The therapist sees the answer on the patient's page.
    await therapist2.reload();
    await therapist2
      .getByRole('region', { name: 'Consult requests' })
      .getByText(/keep 50 mg/)
      .waitFor();
    expect(therapistErrors()).toEqual([]);
    await therapist2Context.close();
  });
});
