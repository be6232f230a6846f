// Steps that several journeys share.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server';

export const DEMO = {
  admin: 'admin@demo.duet.test',
  therapist: 'therapist@demo.duet.test',
  prescriber: 'prescriber@demo.duet.test',
  careManager: 'caremanager@demo.duet.test',
  therapist2: 'therapist2@demo.duet.test',
  patient: 'patient@demo.duet.test',
} as const;

/**
 * Signs in through the login page and waits for the role's start page. The journeys about signing in (two-step
 * sign-in, a forgotten password, an invited clinician's first sign-in) use it; the others use `signIn`.
 */
export async function signInThroughForm(
  page: Page,
  email: string,
  landing: RegExp,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
}

/** POST /api/auth/login through the page's context: the session cookie lands in the context's cookie jar. */
async function postSignIn(page: Page, email: string, password: string): Promise<void> {
  const response = await page.context().request.post('/api/auth/login', { data: { email, password } });
  if (!response.ok()) {
    throw new Error(`Signing in as ${email} answered ${response.status()}: ${await response.text()}`);
  }
  const answer = (await response.json()) as { secondFactorRequired?: boolean };
  if (answer.secondFactorRequired) {
    throw new Error(`${email} needs a second factor: sign in with signInThroughForm`);
  }
}

/**
 * Signs in with the same request the login form sends (POST /api/auth/login, through the page's context, so the
 * session cookie lands in its cookie jar), then opens the app at `/`, which sends the role to its start page,
 * and waits for it (the form's sign-in is covered by `signInThroughForm` and every-page-axe's signed-out pages).
 */
export async function signIn(
  page: Page,
  email: string,
  landing: RegExp,
  password = DEMO_PASSWORD,
): Promise<void> {
  await postSignIn(page, email, password);
  await page.goto('/');
  await page.waitForURL(landing);
}

/**
 * Signs in as `signIn` does and opens `path` straight away, for a journey that starts on another page than the
 * role's start page: one full page load instead of two (the start page and its reads were thrown away by the
 * next `goto`; issue 18). The start pages themselves are still opened by `signIn` and by every-page-axe.
 */
export async function signInAndOpen(
  page: Page,
  email: string,
  path: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await postSignIn(page, email, password);
  await page.goto(path);
}

/** The page's h1 text once it reads as expected (client-side navigation renders a moment later). */
export async function heading(page: Page, expected: string | RegExp): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1, name: expected, exact: typeof expected === 'string' });
  try {
    await h1.waitFor({ timeout: 10_000 });
  } catch {
    const actual = await page.getByRole('heading', { level: 1 }).allTextContents();
    throw new Error(`Expected the h1 ${String(expected)} on ${page.url()}, found ${JSON.stringify(actual)}`);
  }
  return (await h1.textContent()) ?? '';
}

/** Fetch JSON with the page's cookies (same origin), e.g. to read the outbox or check a status code. */
export async function apiFromPage(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }, path);
}

/**
 * The outbox worker turns events into alerts about once a second: reload until the item is there. A short
 * pause between reloads (the load-state wait already takes half a second): most checks pass on the second look.
 */
export async function reloadUntil(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    // Let the page's queries finish first: checking right after a reload would see the loading state.
    await page.waitForLoadState('networkidle');
    if (await check()) return;
    await page.waitForTimeout(300);
    await page.reload();
  }
  throw new Error(`Timed out waiting for ${what} on ${page.url()}`);
}
