// Chromium for the journeys: Debian's /usr/bin/chromium driven by playwright-core.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

const FULL_CHROMIUM = '/usr/bin/chromium';
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Debian's headless shell (package chromium-headless-shell, the same Chromium version; what Playwright itself
 * runs for headless Chromium) when it is installed, else the full browser. Measured on this machine (issue 18):
 * the shell used ~15% less CPU for the same page loads and axe runs, and ~10× less while a page sat idle
 * (the full browser kept drawing frames: ~0.3 s of CPU per idle second). CHROMIUM_PATH naming another
 * browser wins.
 */
export function chromiumPath(): string {
  const named = process.env.CHROMIUM_PATH;
  if ((!named || named === FULL_CHROMIUM) && existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
  return named || FULL_CHROMIUM;
}

/** Chromium's command line for the journeys (Playwright adds its own headless defaults to these). */
export const CHROMIUM_LAUNCH = {
  executablePath: chromiumPath(),
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
};

/**
 * The journeys' Chromium. One browser serves the whole run (support/browser-server.ts, vitest global setup,
 * names it in DUET_E2E_BROWSER_WS): each file connects to it instead of starting its own (issue 18: about a
 * second of CPU and of wall time per file). Isolation is the browser context's, as before: every journey
 * opens fresh contexts (own cookies, storage, service workers) with `newContext`, and `browser.close()` on a
 * connected browser closes the contexts this file opened and disconnects. Run without the global setup, a file
 * starts a Chromium of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = process.env.DUET_E2E_BROWSER_WS;
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch(CHROMIUM_LAUNCH);
}

/**
 * A finished download's bytes. Read as a stream, which works on the run's shared Chromium too (`download.path()`
 * does not on a connected browser: the file sits on the browser server's side).
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

type ContextOptions = {
  viewport?: { width: number; height: number };
  baseURL: string;
  /** 'allow' for the journeys that test the service worker (offline, push); blocked otherwise. */
  serviceWorkers?: 'allow' | 'block';
};

/** A fresh context (own cookies) with a fixed locale and zone so pages read the same everywhere. */
export async function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const viewport = options.viewport ?? DESKTOP;
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport,
    locale: 'en-US',
    timezoneId: 'America/Chicago',
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    deviceScaleFactor: 1,
    // The app honours "reduce motion" (theme.respectReducedMotion): no transitions to wait out between steps.
    reducedMotion: 'reduce',
    // Duet's service worker (issue 17) is what the offline and push journeys test, and they allow it. Elsewhere
    // it is blocked (its registration resolves without a worker, as on a browser without one): each new context
    // would otherwise download and store the whole precache (~110 files) and send every request through the
    // worker, about a seventh of a journey's CPU (issue 18, measured on two journeys: 36.7 -> 31.6 s).
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  // 30 s, not 15: on a 2-core CI machine running the other test legs beside the journeys, a card that waits for
  // its read (and the shared audit commit) was seen to take more than 15 s to show (issue 18).
  context.setDefaultTimeout(30_000);
  return context;
}

let axeSource: string | null = null;

type AxeNode = { target: unknown[]; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/** Runs axe-core on the page and fails on serious or critical violations. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Half-faded elements (notifications sliding in) would read as low contrast: let transitions finish.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    {
      timeout: 5_000,
    },
  );
  const loaded = await page.evaluate(() => 'axe' in window);
  // page.addScriptTag({ content }) would be an inline script, which Duet's Content-Security-Policy rightly
  // blocks (and which would show up as a CSP violation); evaluating through DevTools is not subject to CSP.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  const bad = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const text = bad
      .map(
        (v) =>
          `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes
            .map((n) => `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
            .slice(0, 5)
            .join('\n    ')}`,
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${label}:\n${text}`);
  }
}

const SCREENSHOT_DIR = join(process.cwd(), '.tmp', 'screenshots');

/**
 * Screenshots are for people to look at. Under CI nobody opens them, and the ~130 full-page PNGs cost about a
 * minute of CPU (issue 18: CI under 8 minutes): there they are taken only with DUET_SCREENSHOTS=1.
 * Nothing is asserted on them, so leaving them out changes no result.
 */
const takeScreenshots =
  process.env.DUET_SCREENSHOTS === '1' ||
  (process.env.DUET_SCREENSHOTS !== '0' && !['true', '1'].includes(String(process.env.CI).toLowerCase()));

/** Saves a full-page PNG to .tmp/screenshots/<name>.png (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (!takeScreenshots) return path;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Screenshots of the page at phone (360×740) and desktop (1280×800) size; the viewport is restored. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  const original = page.viewportSize() ?? DESKTOP;
  for (const [suffix, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await screenshot(page, `${name}-${suffix}`);
  }
  await page.setViewportSize(original);
  await page.waitForTimeout(100);
}

/** Collects uncaught page errors and Content-Security-Policy violations, for a final assertion. */
export function watchForPageErrors(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  return () => problems;
}
