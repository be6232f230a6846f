// Lighthouse on the patient's Today page (issue 17): performance, accessibility and best practices at
// Lighthouse's mobile settings (a mid-range phone, simulated slow 4G, 4x CPU), target >= 90 each.
//
//   npx tsx bench/lighthouse.ts [--web-dist dist/web] [--out docs/lighthouse] [--lhr /tmp/today-lhr.json]
//     [--trace /tmp/today-trace.json]
//
// Starts a real Duet server (demo clinic, fresh data directory: e2e/support/server.ts) serving the built web
// app, signs the demo patient in through the API, and runs Lighthouse 12.2.3 (runs on Node 20)
// programmatically against /home in Chromium (/usr/bin/chromium, --headless=new --no-sandbox) launched by
// chrome-launcher, with the session cookie passed as an extra header. Writes to --out the HTML report
// (today.html) and a small JSON summary (today-summary.json: the category scores and the audits that did
// not pass), and prints the scores. A benchmark with a budget, not a test: it exits 0 either way.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO } from '../e2e/support/journey';
import { DEMO_PASSWORD, startServer } from '../e2e/support/server';

const TARGET = 90;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** Signs the demo patient in through the API and answers the session cookie ("name=value"). */
async function sessionCookie(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: DEMO.patient, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${String(response.status)} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (cookies.length === 0) throw new Error('sign-in answered no session cookie');
  return cookies.join('; ');
}

interface AuditLike {
  details?: unknown;
}

function detailItems(audit: AuditLike | undefined): Record<string, unknown>[] {
  const details = audit?.details as { items?: Record<string, unknown>[] } | undefined;
  return details?.items ?? [];
}

/** Main-thread time by kind (ms, rounded): script evaluation, style and layout, parsing, ... */
function mainThreadBreakdown(audit: AuditLike | undefined): Record<string, number> {
  return Object.fromEntries(
    detailItems(audit).map((item) => [String(item.group), Math.round(Number(item.duration))]),
  );
}

/** The five longest tasks (ms, rounded) with where they started (ms after the navigation). */
function longTasks(audit: AuditLike | undefined): { url: string; start: number; duration: number }[] {
  return detailItems(audit)
    .map((item) => ({
      url: String(item.url).replace(/^https?:\/\/[^/]+/, ''),
      start: Math.round(Number(item.startTime)),
      duration: Math.round(Number(item.duration)),
    }))
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 5);
}

async function main(): Promise<void> {
  const webDist = path.resolve(option('web-dist', 'dist/web'));
  const out = path.resolve(option('out', 'docs/lighthouse'));
  const server = await startServer({ WEB_DIST: webDist });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const cookie = await sessionCookie(server.baseUrl);
    const result = await lighthouse(
      `${server.baseUrl}/home`,
      {
        port: chrome.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        extraHeaders: { cookie },
      },
      // Lighthouse's default config: mobile form factor, simulated throttling.
      undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    const reports = Array.isArray(result.report) ? result.report : [result.report];
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    );
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? null }));
    const summary = {
      url: '/home (the demo patient’s Today)',
      lighthouseVersion: lhr.lighthouseVersion,
      fetchTime: lhr.fetchTime,
      formFactor: lhr.configSettings.formFactor,
      throttlingMethod: lhr.configSettings.throttlingMethod,
      scores,
      metrics: Object.fromEntries(
        [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
          'speed-index',
        ].map((id) => [id, lhr.audits[id]?.displayValue ?? null]),
      ),
      notPassing: failing,
      // Comparable across machine loads (unlike the simulated times): where the main thread's time went and
      // the longest tasks, as Lighthouse observed them (already multiplied by its 4x CPU slowdown).
      mainThread: mainThreadBreakdown(lhr.audits['mainthread-work-breakdown']),
      longTasks: longTasks(lhr.audits['long-tasks']),
    };
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'today.html'), reports[0] ?? '');
    writeFileSync(path.join(out, 'today-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const lhrOut = option('lhr', '');
    if (lhrOut !== '') writeFileSync(lhrOut, JSON.stringify(lhr));
    // The observed trace (before Lighthouse's simulation), for a look inside its long tasks.
    const traceOut = option('trace', '');
    if (traceOut !== '') writeFileSync(traceOut, JSON.stringify(result.artifacts.Trace));
    console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, web app: ${webDist}`);
    for (const id of CATEGORIES) {
      const score = scores[id] ?? 0;
      console.log(
        `${id.padEnd(16)} ${String(score).padStart(3)}  target >= ${String(TARGET)}: ${score >= TARGET ? 'met' : 'NOT MET'}`,
      );
    }
    console.log(`main thread: ${JSON.stringify(summary.mainThread)}`);
    console.log(`long tasks: ${JSON.stringify(summary.longTasks)}`);
    for (const a of failing) console.log(`  not passing: ${a.id} (${a.title}) ${a.displayValue ?? ''}`);
    console.log(`reports: ${path.relative(process.cwd(), out)}/today.html, today-summary.json`);
  } finally {
    chrome.kill();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
