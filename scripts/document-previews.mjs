// Regenerates the PNG previews in docs/documents/ from the demo clinic (issue 14): starts a throwaway Duet
// server with the demo seed, signs in as the demo prescriber and the demo patient, downloads every PDF and
// renders each page at 60 dpi with poppler's pdftoppm (not installed in CI; run by hand:
// `node scripts/document-previews.mjs`). The PDFs themselves are not kept.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'duet-demo-2026';
const port = 4300 + Math.floor(Math.random() * 500);
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'duet-previews-'));
const outDir = 'docs/documents';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DUET_DEMO: '1',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    PUBLIC_URL: baseUrl,
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function healthy() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('the server did not start');
}

async function signIn(email) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function download(cookie, path) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

function previews(name, pdf, work) {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(outDir, name)]);
}

try {
  await healthy();
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
  const work = mkdtempSync(join(tmpdir(), 'duet-pdfs-'));
  const prescriber = await signIn('prescriber@demo.duet.test');
  const patients = await (await fetch(`${baseUrl}/api/patients`, { headers: { cookie: prescriber } })).json();
  const sam = patients.patients.find((p) => p.givenName === 'Sam');
  // The diary card of the last full week (early on a Monday this week has no cards yet).
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  for (const kind of ['medication-list', 'measurement-report', 'diary-card', 'treatment-plan']) {
    const query = kind === 'diary-card' ? `?week=${lastWeek}` : '';
    previews(kind, await download(prescriber, `/api/patients/${sam.id}/documents/${kind}.pdf${query}`), work);
  }
  const patient = await signIn('patient@demo.duet.test');
  previews('my-record', await download(patient, '/api/me/documents/my-record.pdf'), work);
  rmSync(work, { recursive: true, force: true });
  for (const f of readdirSync(outDir).sort()) {
    console.log(`${join(outDir, f)} ${Math.round(statSync(join(outDir, f)).size / 1024)} kB`);
  }
} finally {
  server.kill('SIGTERM');
  await sleep(500);
  rmSync(dataDir, { recursive: true, force: true });
}
