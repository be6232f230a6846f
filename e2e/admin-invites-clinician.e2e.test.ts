// Journey: the clinic admin invites a new prescriber, who follows the emailed link, sets a password
// and lands on an (empty) caseload.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  screenshotBoth,
  watchForPageErrors,
} from './support/browser';
import { DEMO, heading, signIn, signInThroughForm, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';
import { sentInviteLink } from './support/mail-store';

describe('admin invites a clinician', () => {
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

  it('invites a prescriber who sets a password and reaches the caseload', async () => {
    const { baseUrl } = server!;
    const chromium = browser!;
    const invitee = { name: 'Ada Whitfield', email: `ada.whitfield.${Date.now()}@clinic.test` };
    const newPassword = 'violet harbour lantern 42';

    const adminContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const admin = await adminContext.newPage();
    const pageErrors = watchForPageErrors(admin);

    // A wrong password gets a clear message and no hint about which part was wrong.
    await admin.goto('/login');
    await heading(admin, 'Sign in to Duet');
    await expectNoAxeViolations(admin, 'login');
    await screenshotBoth(admin, 'login');
    await admin.getByLabel('Email').fill(DEMO.admin);
    await admin.getByLabel(/^Password/).fill('not the password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin
      .getByRole('alert')
      .getByText(/do not match an account/)
      .waitFor();
    await expectNoAxeViolations(admin, 'login with error');
    await signIn(admin, DEMO.admin, /\/admin\/users$/);
    await heading(admin, 'Staff accounts');
    await admin.getByRole('row', { name: /Priya Shah/ }).waitFor();
    await expectNoAxeViolations(admin, 'admin users');
    await screenshotBoth(admin, 'admin-users');

    const form = admin.getByRole('region', { name: 'Invite clinician' });
    await form.getByLabel('Name').fill(invitee.name);
    await form.getByLabel('Email').fill(invitee.email);
    await form.getByLabel('Role').selectOption('prescriber');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const row = admin.getByRole('row', { name: new RegExp(invitee.name) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Prescriber.*Invited/);

    // Resending makes a new link (the newest mail) and retires the first one.
    await row.getByRole('button', { name: `Resend invite to ${invitee.name}` }).click();
    await admin.getByText('Invitation sent again').waitFor();

    // Deactivate and reactivate another clinician, confirming in a dialog each time.
    const elena = admin.getByRole('row', { name: /Elena Novak/ });
    await elena.getByRole('button', { name: 'Deactivate Elena Novak' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Deactivate account' });
    await dialog.waitFor();
    await expectNoAxeViolations(admin, 'deactivate dialog');
    await screenshot(admin, 'admin-deactivate-dialog-desktop');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await elena.getByText('Deactivated').waitFor();
    await elena.getByRole('button', { name: 'Reactivate Elena Novak' }).click();
    await admin
      .getByRole('dialog', { name: 'Reactivate account' })
      .getByRole('button', { name: 'Reactivate' })
      .click();
    await elena.getByText('Active').waitFor();

    await admin.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    await admin.waitForURL(/\/admin\/outbox$/);
    await heading(admin, 'Outbox');
    const mail = admin
      .getByRole('button', { name: new RegExp(`To ${invitee.email.replaceAll('.', '\\.')}`) })
      .first();
    await mail.click();
    // The outbox shows the mail but never a usable link (issue 13, V5); the invitee's mailbox has it.
    await admin
      .getByText(/link hidden/)
      .first()
      .waitFor();
    await expect(admin.getByRole('link', { name: /\/invite\// }).count()).resolves.toBe(0);
    const href = sentInviteLink(server!, invitee.email);
    expect(href).toMatch(/^\/invite\/[^/\s]+$/);
    await expectNoAxeViolations(admin, 'admin outbox');
    await screenshotBoth(admin, 'admin-outbox');
    await adminContext.close();

    const inviteeContext = await newContext(chromium, { baseURL: baseUrl, viewport: PHONE });
    const page = await inviteeContext.newPage();
    await page.goto(href);
    await heading(page, /^Join .+ on Duet$/);
    await expect(page.getByText(invitee.email).first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'invite page');
    await screenshotBoth(page, 'invite-clinician');

    // Too short first: the rule is explained, nothing is sent.
    await page.getByLabel('Choose a password').fill('short');
    await page.getByLabel('Type it again').fill('short');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByText(/Use at least 12 characters/).waitFor();

    await page.getByLabel('Choose a password').fill(newPassword);
    await page.getByLabel('Type it again').fill(newPassword);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(/\/caseload$/);
    await heading(page, 'My caseload');
    await expectNoAxeViolations(page, 'new prescriber caseload');

    // The link is spent now, and the new password works.
    await page.goto(href);
    await heading(page, 'This link no longer works');
    await expectNoAxeViolations(page, 'spent invite link');
    await screenshotBoth(page, 'invite-spent');
    await inviteeContext.close();

    const againContext = await newContext(chromium, { baseURL: baseUrl, viewport: DESKTOP });
    const again = await againContext.newPage();
    await signInThroughForm(again, invitee.email, /\/caseload$/, newPassword);
    await heading(again, 'My caseload');
    await again.getByRole('banner').getByText(invitee.name).waitFor();
    await again.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
    await heading(again, 'My account');
    await expectNoAxeViolations(again, 'account');
    await screenshotBoth(again, 'account');
    await again.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
    await heading(again, 'Sign in to Duet');
    expect(pageErrors()).toEqual([]);
    await againContext.close();
  });

  // Issue 15: a departing therapist's patients are handed over before the account closes.
  it('deactivates a therapist with patients only once each patient has a new therapist', async () => {
    const { baseUrl } = server!;
    const context = await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP });
    const admin = await context.newPage();
    const pageErrors = watchForPageErrors(admin);
    await signInAndOpen(admin, DEMO.admin, '/admin/users');
    const priya = admin.getByRole('row', { name: /Priya Shah/ });
    await priya.getByRole('button', { name: 'Deactivate Priya Shah' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Deactivate account' });
    await dialog
      .getByText(/Priya Shah is on the care team of \d+ patients? and has \d+ open alerts?/)
      .waitFor();
    const pickers = dialog.getByLabel(/^New therapist for /);
    const count = await pickers.count();
    expect(count).toBeGreaterThan(0);

    // Without a choice nothing happens: the error stands at the first patient's field.
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.locator('.mantine-InputWrapper-error').first().waitFor();
    await expectNoAxeViolations(admin, 'deactivate dialog with patients');
    await expect(priya.getByText('Active').isVisible()).resolves.toBe(true);

    // Elena takes over every patient.
    for (let i = 0; i < count; i++) {
      await pickers.nth(i).click();
      await admin.getByRole('option', { name: 'Elena Novak' }).click();
    }
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await priya.getByText('Deactivated').waitFor();
    expect(pageErrors()).toEqual([]);
    await context.close();

    // Elena finds them on her caseload.
    const elenaContext = await newContext(browser!, { baseURL: baseUrl, viewport: DESKTOP });
    const elena = await elenaContext.newPage();
    await signIn(elena, DEMO.therapist2, /\/caseload$/);
    await heading(elena, 'My caseload');
    const rows = elena.getByRole('region', { name: 'Worklist table' }).locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(count);
    await elenaContext.close();
  });
});
