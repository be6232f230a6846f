// Which element is the largest contentful paint of the patient's Today, and when (issue 17, "Fast"). Lighthouse's
// own "largest-contentful-paint-element" audit fails on this Chromium (its trace engine: "frame_sequence"), so
// this asks the page: a PerformanceObserver records every LCP candidate (element, size, time) and the first
// contentful paint, at Lighthouse's mobile viewport (412 × 823) and 4× CPU, on a first visit (empty cache).
//
//   npx tsx bench/phone-lcp.ts [--web-dist dist/web]
//
// A measuring aid, not a test.
import path from 'node:path';
import { launchBrowser, newContext } from '../e2e/support/browser';
import { DEMO, signIn } from '../e2e/support/journey';
import { startServer } from '../e2e/support/server';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

interface Candidate {
  at: number;
  size: number;
  element: string;
}

async function main(): Promise<void> {
  const webDist = path.resolve(option('web-dist', 'dist/web'));
  const server = await startServer({ WEB_DIST: webDist });
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser, {
      baseURL: server.baseUrl,
      viewport: { width: 412, height: 823 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await signIn(page, DEMO.patient, /\/home$/);
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await page.addInitScript(() => {
      const w = window as unknown as { lcp: Candidate[]; fcp: number };
      w.lcp = [];
      w.fcp = -1;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          size: number;
          element: Element | null;
        })[]) {
          const el = e.element;
          const text = el?.textContent.replace(/\s+/g, ' ').trim().slice(0, 60) ?? '';
          const name = el ? `<${el.tagName.toLowerCase()} class="${el.className}"> ${text}` : '(removed)';
          w.lcp.push({ at: Math.round(e.startTime), size: e.size, element: name });
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name === 'first-contentful-paint') w.fcp = Math.round(e.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto('/home');
    await page.getByText('Loading today’s medicines…').waitFor({ state: 'detached' });
    await page.waitForTimeout(3000);
    // LCP entries are reported until the first input; a scroll-free wait is enough here.
    const result = await page.evaluate(() => {
      const w = window as unknown as { lcp: Candidate[]; fcp: number };
      return { lcp: w.lcp, fcp: w.fcp };
    });
    console.log(`first contentful paint ${String(result.fcp)} ms (4x CPU, no network throttling)`);
    for (const c of result.lcp)
      console.log(`LCP candidate at ${String(c.at)} ms, ${String(c.size)} px²: ${c.element}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
