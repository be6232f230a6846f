// Full-page screenshots of a set of pages of every role at phone (390 px) and desktop (1280 px) width, for
// comparing two builds' look (issue 17: a change to the stylesheets must not change how a page looks).
//
//   npx tsx bench/phone-screens.ts --web-dist /tmp/dist-a --out /tmp/screens-a
//   npx tsx bench/phone-screens.ts --web-dist /tmp/dist-b --out /tmp/screens-b
//   then compare the two folders file by file (identical bytes, or look at the pairs that differ).
//
// A measuring aid, not a test. The pages are opened with the app's own clock, so run the two builds back to back.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from '../e2e/support/browser';
import { DEMO, signInAndOpen } from '../e2e/support/journey';
import { startServer } from '../e2e/support/server';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const PAGES: Record<string, string[]> = {
  none: ['/login', '/forgot-password'],
  [DEMO.patient]: [
    '/home',
    '/home/medications',
    '/home/safety-plan',
    '/home/plan',
    '/home/progress',
    '/home/side-effects/new',
    '/home/messages/new',
    '/home/allergies',
    '/home/practice',
    '/home/measures/phq9',
    '/home/talk-about',
    '/account',
  ],
  [DEMO.therapist]: ['/caseload', '/schedule', '/inbox', '/registry', '/patients/new', 'first-patient'],
  [DEMO.prescriber]: ['/caseload', 'first-patient/medications', 'first-patient/timeline'],
  [DEMO.admin]: ['/admin/users', '/admin/settings', '/admin/outbox', '/admin/medications'],
};

const WIDTHS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
}

const webDist = path.resolve(option('web-dist', 'dist/web'));
const out = path.resolve(option('out', '/tmp/duet-screens'));
mkdirSync(out, { recursive: true });
const server = await startServer({ WEB_DIST: webDist });
const browser = await launchBrowser();
try {
  for (const [who, pages] of Object.entries(PAGES)) {
    const context = await newContext(browser, { baseURL: server.baseUrl, viewport: WIDTHS[0][1] });
    const page = await context.newPage();
    let firstPatient = '';
    for (const [index, wanted] of pages.entries()) {
      let address = wanted;
      if (wanted.startsWith('first-patient')) {
        if (firstPatient === '') {
          await page.goto('/caseload');
          await settle(page);
          firstPatient = (await page.locator('a[href^="/patients/"]').first().getAttribute('href')) ?? '';
        }
        address = wanted.replace('first-patient', firstPatient);
      }
      if (who !== 'none' && index === 0) await signInAndOpen(page, who, address);
      else await page.goto(address);
      for (const [label, size] of WIDTHS) {
        await page.setViewportSize(size);
        await settle(page);
        const name = `${who.split('@')[0] ?? who}${wanted.replace(/[/:]/g, '_')}-${label}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: true, animations: 'disabled' });
      }
      await page.setViewportSize(WIDTHS[0][1]);
    }
    await context.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
