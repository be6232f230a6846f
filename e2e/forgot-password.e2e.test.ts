// Journey (issue 13): a patient who forgot their password asks for a link on the sign-in page, reads the
// mail, chooses a new password on the phone, and signs in with it; the link is spent afterwards.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PHONE,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshotBoth,
  watchForPageErrors,
} from './support/browser';
import { DEMO, heading, signInThroughForm } from './support/journey';
import { DEMO_PASSWORD, startServer, type DuetServer } from './support/server';
import { sentFragmentLink } from './support/mail-store';

describe('forgot password', () => {
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

  it('from the sign-in page to signing in with the new password', async () => {
    const { baseUrl } = server!;
    const newPassword = 'copper kettle meadow 81';
    const context = await newContext(browser!, { baseURL: baseUrl, viewport: PHONE });
    const page = await context.newPage();
    const pageErrors = watchForPageErrors(page);

    await page.goto('/login');
    await heading(page, 'Sign in to Duet');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await heading(page, 'Forgot your password?');
    await expectNoAxeViolations(page, 'forgot password');
    await screenshotBoth(page, 'forgot-password');

    // Nothing typed: the field says so, nothing is sent.
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('Enter your email address').waitFor();
    await expectNoAxeViolations(page, 'forgot password with error');

    await page.getByLabel('Email').fill(DEMO.patient);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await heading(page, 'Check your email');
    await page
      .getByRole('status')
      .getByText(/If this email belongs to an active Duet account/)
      .waitFor();
    await expectNoAxeViolations(page, 'reset link sent');
    await screenshotBoth(page, 'forgot-password-sent');

    // The patient's mailbox: the link carries its token in the fragment.
    const link = sentFragmentLink(server!, DEMO.patient, '/reset-password');
    expect(link).toMatch(/^\/reset-password#[A-Za-z0-9_-]{43}$/);
    await page.goto(link);
    await heading(page, 'Choose a new password');
    // The token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page, 'reset password');
    await screenshotBoth(page, 'reset-password');

    await page.getByLabel('New password').fill(newPassword);
    await page.getByLabel('Type it again').fill('copper kettle meadow 18');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();
    await expectNoAxeViolations(page, 'reset password mismatch');

    await page.getByLabel('Type it again').fill(newPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.waitForURL(/\/login$/);
    await heading(page, 'Sign in to Duet');
    await page
      .getByRole('status')
      .getByText(/Your password was changed/)
      .waitFor();
    await expectNoAxeViolations(page, 'signed out after reset');

    // The old password no longer works; the new one does.
    await page.getByLabel('Email').fill(DEMO.patient);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/do not match an account/)
      .waitFor();
    await signInThroughForm(page, DEMO.patient, /\/home$/, newPassword);

    // The link is spent: using it again explains and offers a new one.
    await page.goto(link);
    await heading(page, 'Choose a new password');
    await page.getByLabel('New password').fill('another fine password 9');
    await page.getByLabel('Type it again').fill('another fine password 9');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await heading(page, 'This link no longer works');
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await expectNoAxeViolations(page, 'spent reset link');
    await screenshotBoth(page, 'reset-link-spent');

    expect(pageErrors()).toEqual([]);
    await context.close();
  });

  it('a patient changes their email in My account; it counts only once confirmed from the new address', async () => {
    const { baseUrl } = server!;
    const oldEmail = 'patient2@demo.duet.test';
    const newEmail = `moved.${String(Date.now())}@mail.test`;
    const context = await newContext(browser!, { baseURL: baseUrl, viewport: PHONE });
    const page = await context.newPage();
    const pageErrors = watchForPageErrors(page);

    await signInThroughForm(page, oldEmail, /\/home$/);
    await page.goto('/account');
    await heading(page, 'My account');
    const section = page.getByRole('region', { name: 'Email address' });
    await section.getByLabel('New email address').fill(newEmail);
    await section.getByLabel('Current password').fill(DEMO_PASSWORD);
    await section.getByRole('button', { name: 'Send confirmation link' }).click();
    await section.getByRole('status').getByText(newEmail, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'account with pending email');
    await screenshotBoth(page, 'account-email-pending');
    await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
    await heading(page, 'Sign in to Duet');

    // Not yet: the new address does not sign in.
    await page.getByLabel('Email').fill(newEmail);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/do not match an account/)
      .waitFor();

    // The new mailbox: confirm.
    const link = sentFragmentLink(server!, newEmail, '/confirm-email');
    await page.goto(link);
    await heading(page, 'Confirm your new email address');
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page, 'confirm email');
    await page.getByRole('button', { name: 'Confirm this address' }).click();
    await heading(page, 'Email address confirmed');
    await expectNoAxeViolations(page, 'email confirmed');
    await screenshotBoth(page, 'email-confirmed');

    await signInThroughForm(page, newEmail, /\/home$/);
    expect(pageErrors()).toEqual([]);
    await context.close();
  });
});
