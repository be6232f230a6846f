// Journey (issue 12): a patient living in Berlin answers PHQ-9 item 9 with "More than half the days" and at
// once sees the German crisis line (TelefonSeelsorge) first and the emergency number 112 beside it, never the
// US numbers; the same numbers head their safety plan. The therapist sets the patient's country in the
// details; the admin sees a warning for a country without a known crisis line.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultsFor } from '../src/shared/crisis/select';
import { telHref } from '../src/shared/crisis/links';
import {
  DESKTOP,
  PHONE,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshotBoth,
  watchForPageErrors,
} from './support/browser';
import { DEMO, apiFromPage, heading, signIn, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

async function look(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshotBoth(page, name);
}

// Germany's row of crisis-lines.md, read from the one crisis module (no number is written here).
const [germanEmergency, telefonSeelsorge] = defaultsFor('DE');
const usNumbers = defaultsFor('US')
  .flatMap((r) => [r.phone, r.sms])
  .filter((n): n is string => n !== null);

describe('crisis resources follow the patient’s country', () => {
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

  it('a Berlin patient answers item 9 and sees TelefonSeelsorge and 112', { timeout: 300_000 }, async () => {
    const { baseUrl } = server!;
    const chromium = browser!;
    if (!germanEmergency?.phone || !telefonSeelsorge?.phone) throw new Error('no German defaults');

    // 1. The therapist records that Sam lives in Germany.
    const therapistContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const therapist = await therapistContext.newPage();
    const therapistErrors = watchForPageErrors(therapist);
    await signIn(therapist, DEMO.therapist, /\/caseload$/);
    await therapist
      .getByRole('link', { name: /Rivera, Sam/ })
      .first()
      .click();
    const details = therapist.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Edit details' }).click();
    await details.getByLabel('Country of residence').selectOption('DE');
    await look(therapist, 'patient-details-country');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('Germany (DE)').waitFor();
    expect(therapistErrors()).toEqual([]);
    await therapistContext.close();

    // 2. Sam, on a phone, answers the PHQ-9 with item 9 = 2.
    const patientContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const patient = await patientContext.newPage();
    const patientErrors = watchForPageErrors(patient);
    await signInAndOpen(patient, DEMO.patient, '/home/measures/phq9');
    await heading(patient, 'Patient Health Questionnaire (PHQ-9)');
    for (let item = 1; item <= 8; item += 1) {
      await patient
        .getByRole('group', { name: new RegExp(`^${String(item)}\\. `) })
        .getByLabel('Not at all')
        .check();
    }
    await patient
      .getByRole('group', { name: /^9\. Thoughts that you would be better off dead/ })
      .getByLabel('More than half the days')
      .check();
    await patient.getByRole('button', { name: 'Send my answers' }).click();

    // The crisis resources: the German crisis line first, 112 beside it, no US number anywhere.
    const crisis = patient.getByRole('alert').filter({ hasText: 'You do not have to face this alone' });
    await crisis.waitFor();
    const list = crisis.getByTestId('crisis-resource-list');
    await expect(list.getAttribute('data-country')).resolves.toBe('DE');
    await crisis.getByText(telefonSeelsorge.name).waitFor();
    const callLinks = crisis.getByRole('link', { name: /^Call / });
    await expect(callLinks.first().getAttribute('href')).resolves.toBe(telHref(telefonSeelsorge.phone));
    await expect(
      crisis.getByRole('link', { name: `Call ${germanEmergency.phone}`, exact: true }).getAttribute('href'),
    ).resolves.toBe(telHref(germanEmergency.phone));
    for (const other of telefonSeelsorge.otherPhones)
      await crisis.getByRole('link', { name: `Call ${other}`, exact: true }).waitFor();
    const hrefs = await crisis
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const us of usNumbers) expect(hrefs).not.toContain(`tel:${us}`);
    await look(patient, 'patient-phq9-crisis-berlin');

    // 3. The safety plan page leads with the same numbers.
    await patient.getByRole('link', { name: 'Open my whole safety plan' }).click();
    await heading(patient, 'My safety plan');
    const danger = patient.getByRole('note').filter({ hasText: 'If you are in danger now' });
    await danger.getByText(telefonSeelsorge.name).waitFor();
    await danger.getByRole('link', { name: `Call ${germanEmergency.phone}`, exact: true }).waitFor();
    await look(patient, 'patient-safety-plan-berlin');
    expect(patientErrors()).toEqual([]);
    await patientContext.close();

    // 4. The admin sees the country's defaults, and a warning for a country without a known crisis line.
    const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const admin = await adminContext.newPage();
    const adminErrors = watchForPageErrors(admin);
    await signInAndOpen(admin, DEMO.admin, '/admin/settings');
    await heading(admin, 'Clinic settings');
    const section = admin.getByRole('form', { name: 'Country and crisis resources' });
    await section.getByLabel('Clinic country').selectOption('DE');
    await section.getByText(telefonSeelsorge.name, { exact: false }).first().waitFor();
    await section.getByLabel('Clinic country').selectOption('PL');
    await section.getByText('No crisis line set for Poland').waitFor();
    await look(admin, 'clinic-settings-crisis-warning');

    // The admin edits Germany's resources (the clinic stays in the US): a bad web address is refused at its
    // field; a good one is saved beside the country's defaults, and the clinic's country is unchanged.
    await section.getByLabel('Clinic country').selectOption('US');
    await section.getByLabel('Edit the crisis resources for').selectOption('DE');
    await section.getByRole('button', { name: 'Edit these resources' }).click();
    const entry = section.getByRole('group', { name: telefonSeelsorge.name });
    await entry.getByLabel('Web address').fill('telefonseelsorge.example');
    await section.getByRole('button', { name: 'Save country and crisis resources' }).click();
    await entry.getByText('A web address starting with https://').waitFor();
    await entry.getByLabel('Web address').fill('https://telefonseelsorge.example');
    await entry.getByLabel('Hours').fill('24 hours');
    await section.getByRole('button', { name: 'Save country and crisis resources' }).click();
    await admin.getByText('Crisis resources saved').waitFor();
    await look(admin, 'clinic-settings-crisis-edited');
    const saved = (await apiFromPage(admin, '/api/admin/settings')).body as {
      country: string;
      crisisResources: { country: string; name: string; web: string | null; hours: string | null }[];
    };
    expect(saved.country).toBe('US');
    expect(saved.crisisResources.map((r) => [r.country, r.name])).toEqual([
      ['DE', germanEmergency.name],
      ['DE', telefonSeelsorge.name],
    ]);
    expect(saved.crisisResources[1]).toMatchObject({
      web: 'https://telefonseelsorge.example',
      hours: '24 hours',
    });
    expect(adminErrors()).toEqual([]);
    await adminContext.close();
  });
});
