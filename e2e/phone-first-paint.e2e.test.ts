// Journey (issue 17, "Fast", ninth session): a patient's phone opening Today draws the top of the page —
// the header and the greeting — from the session's answer while the app's ~130 kB are still on their way
// (src/web/first-paint.ts), and React's first render replaces it with exactly the same pixels. The app's entry
// chunk is held back here, so what shows meanwhile is what first-paint.ts drew.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  PHONE,
  watchForPageErrors,
} from './support/browser';
import { DEMO, signInAndOpen } from './support/journey';
import { startServer, type DuetServer } from './support/server';

const ENTRY_CHUNK = /\/assets\/index-[^/]+\.js$/;
const TOP = (width: number) => ({ x: 0, y: 0, width, height: 170 });

/** The boxes of the header, its texts and link, the h1 and the welcome line (what both draws must share). */
function boxesOf(page: Page): Promise<number[][]> {
  return page.evaluate(`(() => {
    const h1 = document.querySelector('h1');
    // Shown ones only: the app's header also holds the wide screen's name and sign-out, hidden on a phone.
    return [...document.querySelectorAll('header, header p, header a'), h1, h1?.nextElementSibling]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });
  })()`);
}

/** Opens /home with the app's entry chunk held back until `release` is called. */
async function openHoldingTheApp(page: Page): Promise<{ release: () => void; opened: Promise<void> }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(ENTRY_CHUNK, async (route: Route) => {
    await held;
    await route.continue();
  });
  // `goto` waits for the load event, which the held module script delays: not awaited here.
  const opened = signInAndOpen(page, DEMO.patient, '/home');
  opened.catch(() => undefined); // awaited by the test; a failed step must not leave it unhandled
  return { release, opened };
}

describe('Today on a phone: the top of the page shows before the app has run, then the app takes over', () => {
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

  it('draws the header and greeting from the session, the same as the app draws them, and asks once', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE });
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    const sessionReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/session') sessionReads.push(request.url());
    });
    const { release, opened } = await openHoldingTheApp(page);

    // Before the app: the real top of Today, from the session's answer.
    const h1 = page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Sam$/ });
    await h1.waitFor();
    const welcome = page.getByText('Welcome to Duet at Lakeside Behavioral Health (demo).', { exact: true });
    expect(await welcome.isVisible()).toBe(true);
    const safetyPlan = page.getByRole('link', { name: 'Safety plan' });
    expect(await safetyPlan.getAttribute('href')).toBe('/home/safety-plan');
    expect(await page.getByRole('status').textContent()).toBe('Opening…');
    expect(await page.getByRole('heading', { name: 'Today’s medicines' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Today before the app has run');
    const before = await boxesOf(page);
    const drawnFirst = await page.screenshot({ clip: TOP(PHONE.width) });

    // The app arrives and renders the page: the top is pixel for pixel what was drawn.
    release();
    await opened;
    await page.getByRole('heading', { name: 'Today’s medicines' }).waitFor();
    await page.getByRole('button', { name: 'Open menu' }).waitFor();
    expect(await boxesOf(page)).toEqual(before);
    expect((await page.screenshot({ clip: TOP(PHONE.width) })).equals(drawnFirst)).toBe(true);
    // The menu works once the app has run.
    await page.getByRole('button', { name: 'Open menu' }).click();
    const menu = page.getByRole('navigation', { name: 'Main' });
    await page.waitForFunction(() => document.getElementById('main-navigation')?.inert === false);
    expect(await menu.getByRole('link').first().isVisible()).toBe(true);

    expect(sessionReads).toHaveLength(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('leaves the "Opening…" bar on a wide screen (the header there is the desktop one)', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    const sessionAnswered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/session');
    const { release, opened } = await openHoldingTheApp(page);
    await sessionAnswered;
    await page.waitForTimeout(300); // first-paint.ts would have drawn by now (it draws as the answer arrives)
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toContain('Opening…');
    release();
    await opened;
    await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Sam$/ }).waitFor();
    await context.close();
  });
});
