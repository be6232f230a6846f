// Where a Today visit's main-thread time goes (issue 17, "Fast"): a V8 CPU profile of the patient's Today
// under 4x CPU slowdown (no network throttling: the CPU is what is measured), mapped back to the sources with
// the build's hidden source maps.
//
//   npx tsx bench/phone-profile.ts [--web-dist dist/web] [--visit first|later|third] [--top 30] [--settle 4000]
//     [--trace-out trace.json] (keeps the trace events, e.g. to read v8.compile's code-cache use)
//     [--profile-out profile.cpuprofile] (keeps the CPU profile, to open in DevTools)
//
// Records from the navigation until Today is usable plus --settle ms (the cards below and their reads).
// Prints the self time by source (a package, or a file of src/), the long tasks (> 50 ms, from a
// performance observer in the page, already slowed 4x) and the main-thread time until Today was usable.
// A measuring aid, not a test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { launchBrowser, newContext, PHONE } from '../e2e/support/browser';
import { DEMO, signIn } from '../e2e/support/journey';
import { startServer } from '../e2e/support/server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const maps = new Map<string, TraceMap | null>();
function mapFor(webDist: string, url: string): TraceMap | null {
  const file = url.replace(/^https?:\/\/[^/]+\//, '');
  if (!maps.has(file)) {
    const mapFile = path.join(webDist, `${file}.map`);
    maps.set(file, existsSync(mapFile) ? new TraceMap(readFileSync(mapFile, 'utf8')) : null);
  }
  return maps.get(file) ?? null;
}

/** A package name for node_modules sources, else the path under src/. */
function sourceLabel(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg?.[1]) return pkg[1];
  const src = /src\/(.*)$/.exec(source);
  return src?.[1] ?? source;
}

function label(webDist: string, frame: ProfileNode['callFrame']): string {
  if (frame.url === '') return frame.functionName === '' ? '(anonymous)' : `(${frame.functionName})`;
  if (!frame.url.includes('/assets/')) return frame.url.replace(/^https?:\/\/[^/]+/, '');
  const map = mapFor(webDist, frame.url);
  if (!map) return frame.url.replace(/^.*\/assets\//, 'assets/');
  const at = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!at.source) return frame.url.replace(/^.*\/assets\//, 'assets/');
  const source = sourceLabel(at.source);
  // The app's own code by function, the packages by name.
  return source.startsWith('web/') || source.startsWith('shared/')
    ? `${source}:${at.name ?? frame.functionName}`
    : source;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; functionName?: string } };
}

/** The renderer main thread's tasks over 50 ms (already 4x slowed), each with its time by kind of work. */
function printTasks(events: TraceEvent[], sourcesIn: (from: number, to: number) => string): void {
  // The renderer main thread that ran the page's scripts (the about:blank before it may have had another).
  const mains = events.filter(
    (e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  const busiest = mains
    .map((m) => ({
      m,
      n: events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'FunctionCall').length,
    }))
    .sort((a, b) => b.n - a.n)[0]?.m;
  const onMain = events.filter(
    (e) => e.ph === 'X' && busiest && e.pid === busiest.pid && e.tid === busiest.tid,
  );
  const tasks = onMain.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) > 50_000,
  );
  const start = Math.min(...onMain.map((e) => e.ts));
  const kinds = [
    'EvaluateScript',
    'v8.compile',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'ParseAuthorStyleSheet',
    'Paint',
    'PrePaint',
    'Layerize',
    'ParseHTML',
    'MajorGC',
    'MinorGC',
    'ResourceReceivedData',
    'XHRReadyStateChange',
    'EventDispatch',
  ];
  console.log(
    'tasks over 50 ms on the main thread (start+duration ms; then the largest kinds of work in them):',
  );
  // Thread time (CPU actually used) x 4: what the task would take at 4x slowdown on an idle machine, a figure
  // that holds when other work shares the machine (the wall durations grow with the load).
  const cpuTasks = onMain
    .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
    .map((e) => ((e.tdur ?? 0) / 1000) * 4);
  const cpuBlocking = cpuTasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0);
  // The main thread's CPU until Today was usable (marked with console.timeStamp('usable') then).
  const usableAt = events.find((e) => e.name === 'TimeStamp')?.ts ?? Infinity;
  const cpuUntilUsable = onMain
    .filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts < usableAt)
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  console.log(
    `main-thread CPU (thread time, not slowed by other load): ${cpuUntilUsable.toFixed(0)} ms until usable, ${(cpuTasks.reduce((a, b) => a + b, 0) / 4).toFixed(0)} ms in all`,
  );
  console.log(
    `from thread time x 4: blocking ${cpuBlocking.toFixed(0)} ms, longest task ${Math.max(0, ...cpuTasks).toFixed(0)} ms, main thread busy ${cpuTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms, ${String(cpuTasks.filter((ms) => ms > 50).length)} tasks over 50 ms`,
  );
  const blocking = tasks.reduce((sum, t) => sum + Math.max(0, (t.dur ?? 0) / 1000 - 50), 0);
  const longest = Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000));
  console.log(
    `blocking time (sum of each task's time over 50 ms) ${blocking.toFixed(0)} ms; longest task ${longest.toFixed(0)} ms; ${String(tasks.length)} tasks over 50 ms`,
  );
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
    const sums = new Map<string, number>();
    for (const e of inside) {
      if (!kinds.includes(e.name)) continue;
      const url = e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\//, '')}` : '';
      const key = e.name === 'EvaluateScript' || e.name === 'v8.compile' ? `${e.name}${url}` : e.name;
      sums.set(key, (sums.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const parts = [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`);
    console.log(
      `  ${((task.ts - start) / 1000).toFixed(0)}+${((task.dur ?? 0) / 1000).toFixed(0)}: ${parts.join(', ')}`,
    );
    console.log(`      scripts: ${sourcesIn(task.ts, end)}`);
  }
}

async function main(): Promise<void> {
  const webDist = path.resolve(option('web-dist', 'dist/web'));
  const visit = option('visit', 'later');
  const top = Number(option('top', '30'));
  const server = await startServer({ WEB_DIST: webDist });
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser, {
      baseURL: server.baseUrl,
      viewport: PHONE,
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await signIn(page, DEMO.patient, /\/home$/);
    await page.getByText('Loading today’s medicines…').waitFor({ state: 'detached' });
    if (visit === 'later' || visit === 'third') {
      // Let the service worker install, then a later visit with its caches.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    }
    if (visit === 'third') {
      // One later visit untraced first: V8 makes the module code cache on it, the traced one can use it.
      await page.goto('about:blank');
      await page.goto('/home');
      await page.getByText('Loading today’s medicines…').waitFor({ state: 'detached' });
      await page.waitForTimeout(1000);
    }
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    if (visit === 'first') {
      await cdp.send('Network.enable');
      await cdp.send('Network.clearBrowserCache');
    }
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const traceEvents: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => {
      traceEvents.push(...(data.value as unknown as TraceEvent[]));
    });
    const traceDone = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: [
          'toplevel',
          'devtools.timeline',
          'v8.execute',
          'v8',
          'loading',
          'disabled-by-default-devtools.timeline',
        ],
      },
    });
    const started = performance.now();
    await page.goto('/home', { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Today’s medicines' }).waitFor();
    await page.getByText('Loading today’s medicines…').waitFor({ state: 'detached' });
    const usable = Math.round(performance.now() - started);
    await page.evaluate(() => {
      console.timeStamp('usable');
    });
    // Then the cards below the doses and their reads, as Lighthouse counts until the page is quiet.
    await page.waitForTimeout(Number(option('settle', '4000')));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    await cdp.send('Tracing.end');
    await traceDone;
    const traceOut = option('trace-out', '');
    if (traceOut !== '') writeFileSync(traceOut, JSON.stringify(traceEvents));
    const profileOut = option('profile-out', '');
    if (profileOut !== '') writeFileSync(profileOut, JSON.stringify(profile));
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
    );
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      if (!node) return;
      const key = label(webDist, node.callFrame);
      if (key === '(idle)') return;
      total += dt;
      self.set(key, (self.get(key) ?? 0) + dt);
    });
    console.log(
      `${visit} visit: usable after ${String(usable)} ms (wall); busy ${total.toFixed(0)} ms in the profile`,
    );
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${key}`);
    }
    console.log(
      `long tasks: ${longTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ')}`,
    );
    // Each sample's time (the profile's clock is the trace's) and where it ran, for the tasks' breakdown.
    const timed: { ts: number; key: string; ms: number }[] = [];
    let ts = profile.startTime;
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      ts += dt;
      const node = byId.get(id);
      if (node) timed.push({ ts, key: label(webDist, node.callFrame), ms: dt / 1000 });
    });
    printTasks(traceEvents, (from, to) => {
      const sums = new Map<string, number>();
      for (const t of timed) if (t.ts >= from && t.ts < to) sums.set(t.key, (sums.get(t.key) ?? 0) + t.ms);
      return [...sums]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
        .join(', ');
    });
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
