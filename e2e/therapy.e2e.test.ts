// Journey (issue 6): the therapist schedules weekly sessions and assigns a thought record and a diary card;
// the patient completes one thought record (therapist only) and one diary card (whole team); the therapist
// writes the team summary and a private psychotherapy note; the session is marked attended and its progress
// note signed; the patient gives feedback (a low rating); the therapist sees it and the routine alert; the
// prescriber sees the team summary, the diary card and the feedback, but not the therapist-only thought
// record nor any psychotherapy note.
import type { Browser, Locator, Page } from 'playwright-core';
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
import { advanceTime, followServerClock } from './support/clock';
import { sentInviteLink } from './support/mail-store';

const ZONE = 'America/Chicago';

/** Checks the page, then screenshots it at phone and desktop size. */
async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

/** Local day and HH:MM in the patient's zone for an instant. */
function localParts(ms: number): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Activates a button from the keyboard. In the phone context (touch emulation), a mouse click after a slider
 * was moved lands on the element above the button (Playwright reports it "intercepts pointer events") even
 * though nothing overlaps in the screenshots; Enter is what a keyboard user does anyway.
 */
async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}

/** Moves a slider (found by its accessible name) with the keyboard, as a keyboard user would. */
async function slide(page: Page, name: RegExp, presses: number, key = 'ArrowRight'): Promise<void> {
  const thumb = page.getByRole('slider', { name }).first();
  await thumb.focus();
  for (let i = 0; i < presses; i++) await thumb.press(key);
}

describe('therapy: sessions, notes, practice and the patient feedback', () => {
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
    'schedules, practises, signs, asks for feedback and keeps private notes private',
    { timeout: 420_000 },
    async () => {
      const { baseUrl } = server!;
      const chromium = browser!;
      const email = `rowan.ames.${Date.now()}@example.test`;
      const password = 'quiet river lantern 2026';
      const summaryText = 'Working on evening worry with thought records; sleep is improving.';
      const privateText = 'PRIVATE: my own process note about the session.';

      // 0. A fresh patient with the demo therapist, prescriber and care manager.
      const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const therapist = await therapistContext.newPage();
      const therapistErrors = watchForPageErrors(therapist);
      await signInAndOpen(therapist, DEMO.therapist, '/patients/new');
      await heading(therapist, 'Enrol patient');
      await therapist.getByLabel('Given name').fill('Rowan');
      await therapist.getByLabel('Family name').fill('Ames');
      await therapist.getByLabel('Date of birth').fill('1988-06-21');
      await therapist.getByLabel('Email').fill(email);
      const team = therapist.getByRole('region', { name: 'Care team' });
      await team.getByLabel('Prescriber').selectOption({ label: 'Daniel Okafor' });
      await team.getByLabel('Care manager').selectOption({ label: 'Jordan Lee' });
      await therapist.getByRole('button', { name: 'Enrol and send invitation' }).click();
      await therapist.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
      const patientPath = new URL(therapist.url()).pathname;
      const patientId = patientPath.split('/').at(-1) ?? '';
      await heading(therapist, 'Rowan Ames');

      // 1. Weekly sessions from ten minutes from now (attendance can only be recorded once one has started:
      // step 5 moves the server's and the pages' clocks to the start instead of waiting for it).
      const startsAt = Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000;
      const first = localParts(startsAt);
      await therapist.goto(`${patientPath}/appointments`);
      await heading(therapist, /^Appointments/);
      await therapist.getByLabel('First day').fill(first.day);
      await therapist.getByLabel('Time').fill(first.time);
      await therapist.getByRole('radio', { name: 'Weekly' }).check({ force: true });
      await therapist.getByRole('textbox', { name: 'Sessions', exact: true }).fill('6');
      await therapist.getByRole('button', { name: 'Book series' }).click();
      await therapist.getByText('6 appointments booked.').waitFor();
      await look(therapist, 'therapy-01-appointments-therapist');

      // 2. Practice: a thought record and a diary card.
      await therapist.goto(`${patientPath}/practice`);
      await heading(therapist, 'Practice between sessions');
      const assign = therapist.getByRole('region', { name: 'Assign practice' });
      for (const practice of ['CBT thought record', 'DBT diary card']) {
        await assign.getByLabel('Practice').selectOption({ label: practice });
        await assign.getByRole('button', { name: 'Assign' }).click();
        await assign.getByText(`${practice} assigned.`).waitFor();
      }

      // 3. The team summary and a private psychotherapy note.
      await therapist.goto(patientPath);
      const summaries = therapist.getByRole('region', { name: 'Team summaries' });
      const therapy = summaries.getByRole('region', { name: 'Therapy: what we are working on' });
      await therapy.getByRole('button', { name: 'Write' }).click();
      await therapy.getByLabel('Therapy: what we are working on').fill(summaryText);
      await therapy.getByRole('button', { name: 'Save summary' }).click();
      await therapy.getByText(summaryText).waitFor();
      await therapist.goto(`${patientPath}/notes`);
      await heading(therapist, 'Notes: Rowan Ames');
      await therapist.getByRole('tab', { name: /My psychotherapy notes/ }).click();
      await therapist.getByRole('button', { name: 'New private note' }).click();
      await therapist.getByRole('textbox', { name: 'Private note', exact: true }).fill(privateText);
      await therapist.getByRole('button', { name: 'Save private note' }).click();
      await therapist.getByText(privateText).waitFor();

      // 4. The patient accepts the invitation on the phone and does the practice.
      const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      const admin = await adminContext.newPage();
      await signIn(admin, DEMO.admin, /\/admin\/users$/);
      const invitePath = sentInviteLink(server!, email);
      await adminContext.close();

      const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
      const patient = await patientContext.newPage();
      const patientErrors = watchForPageErrors(patient);
      await patient.goto(invitePath);
      await patient.getByLabel('Choose a password').fill(password);
      await patient.getByLabel('Type it again').fill(password);
      await patient.getByRole('button', { name: 'Set password and sign in' }).click();
      await patient.waitForURL(/\/home$/);

      // A thought record, kept for the therapist only (the suggestion for this practice).
      await patient.goto('/home/practice');
      await heading(patient, 'My practice');
      await patient.getByRole('button', { name: 'Start thought record' }).click();
      await heading(patient, 'Thought record');
      await patient
        .getByRole('textbox', { name: 'The situation', exact: true })
        .fill('Sunday evening, thinking about the week ahead.');
      await patient.getByText('+ Anxious').click();
      await slide(patient, /How strong \(Anxious\)/, 3);
      await patient.getByRole('button', { name: 'Add a thought' }).click();
      await patient
        .getByRole('textbox', { name: 'Thought 1', exact: true })
        .fill('I will not cope with the meeting.');
      await patient
        .getByRole('textbox', { name: 'Balanced thought', exact: true })
        .fill('I have prepared and coped with harder weeks.');
      await patient.getByRole('button', { name: 'Done' }).click();
      await patient.waitForURL(/\/home\/practice$/);

      // A diary card, shared with the whole team (the suggestion for this practice).
      await patient.getByRole('button', { name: 'Start diary card' }).click();
      await heading(patient, 'Diary card');
      await slide(patient, /distress/i, 4);
      await screenshotBoth(patient, 'therapy-02b-diary-card-patient');
      await press(patient.getByRole('button', { name: 'Done' }));
      await patient.waitForURL(/\/home\/practice$/);

      // 5. The session starts; the therapist marks it attended and signs its progress note.
      await advanceTime(server!, startsAt + 5_000 - (Date.now() + server!.clockOffsetMs()), [
        therapistContext,
        patientContext,
      ]);
      await therapist.goto(`${patientPath}/appointments`);
      await heading(therapist, /^Appointments/);
      await therapist
        .getByRole('button', { name: /^Mark attended/ })
        .first()
        .click();
      await therapist
        .getByRole('button', { name: /^Mark attended/, pressed: true })
        .first()
        .waitFor();
      await therapist.getByRole('link', { name: 'Session note' }).first().click();
      await heading(therapist, 'Notes: Rowan Ames');
      await therapist.getByRole('button', { name: 'New SOAP note' }).click();
      await therapist
        .getByLabel('Focus of the session')
        .fill('Evening worry; reviewing the first thought record.');
      await therapist
        .getByRole('textbox', { name: 'Subjective', exact: true })
        .fill('Reports worry on Sunday evenings, sleeping better.');
      await therapist
        .getByRole('textbox', { name: 'Objective', exact: true })
        .fill('Engaged, calm; diary card reviewed.');
      await therapist
        .getByRole('textbox', { name: 'Assessment', exact: true })
        .fill('Early gains with cognitive work.');
      await therapist
        .getByRole('textbox', { name: 'Plan', exact: true })
        .fill('Continue thought records; weekly sessions.');
      await therapist.getByRole('radio', { name: 'No current risk' }).check();
      await therapist.getByText('All changes saved').waitFor();
      await therapist.getByRole('button', { name: 'Sign note' }).click();
      await therapist.getByRole('button', { name: 'Sign and lock' }).click();
      await therapist.getByText('Signed', { exact: true }).first().waitFor();
      await look(therapist, 'therapy-02-signed-note-therapist');

      // 6. The patient's home asks about the session; the patient answers on the phone.
      await patient.goto('/home');
      const card = patient.getByRole('region', { name: /How was your session on/ });
      await reloadUntil(patient, () => card.isVisible(), 'the feedback card on the home page');
      await look(patient, 'therapy-03-home-feedback-card-patient');
      await card.getByRole('link', { name: 'Give feedback' }).click();
      await heading(patient, /How was your session on/);
      await patient
        .getByLabel('What helped in this session?')
        .fill('Looking at the evidence against the thought.');
      await patient.getByLabel("What didn't help, or got in the way?").fill('It felt rushed at the end.');
      await slide(patient, /meet your goals/, 2, 'ArrowLeft'); // 5 → 3
      await slide(patient, /feel heard/, 3); // 5 → 8
      await patient
        .getByLabel('Is there anything you would like to change next time?')
        .fill('More time to talk first.');
      await look(patient, 'therapy-04-feedback-form-patient');
      await patient.getByRole('button', { name: 'Send my feedback' }).click();
      try {
        await patient.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();
      } catch (error) {
        await screenshotBoth(patient, 'therapy-04-feedback-form-failed');
        throw error;
      }
      await look(patient, 'therapy-05-feedback-sent-patient');
      // The four-weekly ratings page lists the practice types and the sessions (not due yet: just enrolled).
      await patient.goto('/home/treatment-ratings');
      await heading(patient, 'What is helping you?');
      await patient.getByRole('slider', { name: /Thought record/ }).waitFor();
      await patient.getByRole('slider', { name: /Therapy sessions/ }).waitFor();
      await look(patient, 'therapy-06-treatment-ratings-patient');

      // 7. The therapist sees the answer, the trend and the routine low-rating alert.
      await therapist.goto(patientPath);
      const helps = therapist.getByRole('region', { name: 'What helps' });
      await helps.getByText(/Met goals 3\/10/).waitFor();
      await helps.getByRole('link', { name: 'Feedback and ratings' }).click();
      await heading(therapist, 'What helps: Rowan Ames');
      await therapist.getByText('It felt rushed at the end.').waitFor();
      await therapist.getByText('Low rating', { exact: true }).waitFor();
      await look(therapist, 'therapy-07-what-helps-therapist');
      await therapist.goto('/inbox');
      await reloadUntil(
        therapist,
        () => therapist.getByText('Low rating in session feedback').first().isVisible(),
        'the low-rating alert in the inbox',
      );

      // 8. The prescriber: the team summary, the diary card and the feedback; no thought record, no private note.
      const prescriberContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
      await followServerClock(prescriberContext, server!);
      const prescriber = await prescriberContext.newPage();
      const prescriberErrors = watchForPageErrors(prescriber);
      await signInAndOpen(prescriber, DEMO.prescriber, patientPath);
      await heading(prescriber, 'Rowan Ames');
      await prescriber.getByRole('region', { name: 'Team summaries' }).getByText(summaryText).waitFor();
      await prescriber.goto(`${patientPath}/practice`);
      await heading(prescriber, 'Practice between sessions');
      const review = prescriber.getByRole('region', { name: /entries/i }).first();
      await review
        .getByText(/DBT diary card/)
        .first()
        .waitFor();
      expect(await review.getByText(/CBT thought record ·/).count()).toBe(0);
      const entries = await apiFromPage(prescriber, `/api/patients/${patientId}/practice/entries`);
      expect(entries.status).toBe(200);
      const types = (entries.body as { entries: { type: string }[] }).entries.map((e) => e.type);
      expect(types).toContain('diary_card');
      expect(types).not.toContain('thought_record');
      await look(prescriber, 'therapy-08-practice-prescriber');
      // No psychotherapy note anywhere: not on the notes page, not through the API.
      await prescriber.goto(`${patientPath}/notes`);
      await heading(prescriber, 'Notes: Rowan Ames');
      await prescriber.getByText('Evening worry; reviewing the first thought record.').first().waitFor();
      expect(await prescriber.getByText(privateText).count()).toBe(0);
      const privateNotes = await apiFromPage(prescriber, `/api/patients/${patientId}/psychotherapy-notes`);
      expect(JSON.stringify(privateNotes.body)).not.toContain(privateText);
      // The prescriber reads the patient's feedback too (the whole team does).
      await prescriber.goto(`${patientPath}/feedback`);
      await heading(prescriber, 'What helps: Rowan Ames');
      await prescriber.getByText('It felt rushed at the end.').waitFor();
      await look(prescriber, 'therapy-09-what-helps-prescriber');

      expect(therapistErrors()).toEqual([]);
      expect(patientErrors()).toEqual([]);
      expect(prescriberErrors()).toEqual([]);
    },
  );
});
