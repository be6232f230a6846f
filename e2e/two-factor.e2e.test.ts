// Journey (issue 13): a clinician turns on two-step sign-in (scans nothing: reads the key from the page and
// computes the code as an authenticator app would), saves the recovery codes, signs out, and signs in again
// with the password and a code; then sees their signed-in devices.
import type { Browser, Page } from 'playwright-core';
import { authenticator } from 'otplib';
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
import { advanceTime } from './support/clock';
import { DEMO, heading, signInThroughForm } from './support/journey';
import { DEMO_PASSWORD, startServer, type DuetServer } from './support/server';

/** The code an authenticator app shows now, on the server's clock (wall time plus its test offset). */
function appCode(key: string, server: DuetServer): string {
  return authenticator.clone({ epoch: Date.now() + server.clockOffsetMs() }).generate(key);
}

async function readKey(page: Page): Promise<string> {
  const text = (await page.getByTestId('two-factor-key').textContent()) ?? '';
  return text.replace(/\s/g, '');
}

describe('two-step sign-in', () => {
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

  it('a clinician turns it on, signs out, and signs in with password and code', async () => {
    const duet = server!;
    const context = await newContext(browser!, { baseURL: duet.baseUrl, viewport: PHONE });
    const page = await context.newPage();
    const pageErrors = watchForPageErrors(page);

    await signInThroughForm(page, DEMO.therapist, /\/caseload$/);
    await page.goto('/account');
    await heading(page, 'My account');
    await page.getByRole('region', { name: 'Two-step sign-in' }).getByText('Off').waitFor();
    await page.getByRole('link', { name: 'Set up two-step sign-in' }).click();
    await heading(page, 'Two-step sign-in');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const key = await readKey(page);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const codeInput = page.getByLabel(/Code from your authenticator app/);
    await expect(codeInput.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await expect(codeInput.getAttribute('inputmode')).resolves.toBe('numeric');
    await expectNoAxeViolations(page, 'two-factor set-up');
    await screenshotBoth(page, 'two-factor-setup');

    // A wrong code is refused at the field.
    await codeInput.fill('000000');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText(/That code is not correct/).waitFor();

    await codeInput.fill(appCode(key, duet));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(codes).toHaveLength(10);
    await expectNoAxeViolations(page, 'recovery codes');
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await heading(page, 'My account');
    await page.getByRole('region', { name: 'Two-step sign-in' }).getByText('On').waitFor();

    // Signed-in devices: this phone, marked.
    const devices = page.getByRole('region', { name: 'Signed-in devices' });
    await devices.getByText('This device').waitFor();
    await expectNoAxeViolations(page, 'account with devices');

    await page
      .getByRole('region', { name: 'Signed in as' })
      .getByRole('button', { name: 'Sign out' })
      .click();
    await page.waitForURL(/\/login$/);

    // The code used to turn it on cannot be used again: wait for the next 30-second step.
    await advanceTime(duet, 30_000);
    await page.getByLabel('Email').fill(DEMO.therapist);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Two-step sign-in');
    const step = page.getByLabel(/Code from your authenticator app/);
    await expect(step.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await expectNoAxeViolations(page, 'sign-in second step');
    await screenshotBoth(page, 'two-factor-sign-in');
    await step.fill('123456');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/That code is not correct/).waitFor();
    await step.fill(appCode(key, duet));
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back in: the caseload, or the page the clinician signed out from.
    await page.waitForURL(/\/(caseload|account)$/);
    await page.getByRole('heading', { level: 1, name: /My caseload|My account/ }).waitFor();

    // A desktop browser signing in with a recovery code appears in the phone's device list.
    const desk = await newContext(browser!, { baseURL: duet.baseUrl, viewport: DESKTOP });
    const deskPage = await desk.newPage();
    await deskPage.goto('/login');
    await deskPage.getByLabel('Email').fill(DEMO.therapist);
    await deskPage.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await deskPage.getByRole('button', { name: 'Sign in' }).click();
    await deskPage.getByRole('button', { name: /use a recovery code/ }).click();
    await deskPage.getByLabel(/Recovery code/).fill(codes[0] ?? '');
    await deskPage.getByRole('button', { name: 'Sign in' }).click();
    await deskPage.waitForURL(/\/caseload$/);

    await page.goto('/account');
    await page.getByRole('region', { name: 'Signed-in devices' }).getByRole('listitem').nth(1).waitFor();
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('button', { name: 'Sign out everywhere else' }).waitFor({ state: 'detached' });
    await deskPage.goto('/account');
    await deskPage.waitForURL(/\/login/);

    expect(pageErrors()).toEqual([]);
    await desk.close();
    await context.close();
  });
  it('when the admin requires it, a prescriber without it is sent to the set-up and nowhere else', async () => {
    const duet = server!;
    const adminContext = await newContext(browser!, { baseURL: duet.baseUrl, viewport: DESKTOP });
    const admin = await adminContext.newPage();
    const adminErrors = watchForPageErrors(admin);
    await signInThroughForm(admin, DEMO.admin, /\/admin\/users$/);
    await admin.goto('/admin/settings');
    await heading(admin, 'Clinic settings');
    const rule = admin.getByRole('switch', { name: 'Staff must use two-step sign-in' });
    await expect(rule.isChecked()).resolves.toBe(false); // the demo clinic keeps it off
    await rule.click({ force: true });
    await admin.getByText('Two-step sign-in required for staff').waitFor();
    await expectNoAxeViolations(admin, 'clinic settings with the two-step rule');

    const context = await newContext(browser!, { baseURL: duet.baseUrl, viewport: PHONE });
    const page = await context.newPage();
    const pageErrors = watchForPageErrors(page);
    await signInThroughForm(page, DEMO.prescriber, /\/account\/two-factor$/);
    await heading(page, 'Two-step sign-in');
    await page.getByText('Your clinic requires two-step sign-in').waitFor();
    await expectNoAxeViolations(page, 'required set-up');
    // Any other page leads back to the set-up.
    await page.goto('/caseload');
    await page.waitForURL(/\/account\/two-factor$/);
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const key = await readKey(page);
    await page.getByLabel(/Code from your authenticator app/).fill(appCode(key, duet));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(/\/caseload$/);
    await heading(page, 'My caseload');

    await rule.click({ force: true });
    await admin.getByText('Two-step sign-in optional for staff').waitFor();
    expect(pageErrors()).toEqual([]);
    expect(adminErrors()).toEqual([]);
    await context.close();
    await adminContext.close();
  });
});
