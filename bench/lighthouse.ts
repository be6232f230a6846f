// Lighthouse on the patient's Today page (issue 17): performance, accessibility and best practices at
// Lighthouse's mobile settings (a mid-range phone, simulated slow 4G, 4x CPU), target >= 90 each.
//
//   npx tsx bench/lighthouse.ts [--web-dist dist/web] [--out docs/lighthouse]
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
    };
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'today.html'), reports[0] ?? '');
    writeFileSync(path.join(out, 'today-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, web app: ${webDist}`);
    for (const id of CATEGORIES) {
      const score = scores[id] ?? 0;
      console.log(
        `${id.padEnd(16)} ${String(score).padStart(3)}  target >= ${String(TARGET)}: ${score >= TARGET ? 'met' : 'NOT MET'}`,
      );
    }
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
