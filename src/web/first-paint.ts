// Issue 17 ("Fast", ninth session): what a phone draws before the app has arrived. The build loads this small
// script (its own chunk, no imports: vite.config.ts, `duet-first-paint`) ahead of the app's entry, whose ~130 kB
// and Today's chunk a slow phone needs seconds to fetch and run. It
//  - attaches the app's stylesheets (preloaded, not render-blocking: lib/stylesheets.ts) and publishes when they
//    have loaded (`window.duetStyles`; main.tsx renders after them, so the app never shows unstyled);
//  - on a phone opening Today, reads the session (the read index.html preloads; the app takes the same answer,
//    `window.duetSessionRead`, so the server is asked once) and, for a signed-in patient, draws the real top of
//    Today: the header and the greeting, with Mantine's own classes and the values the app renders them with
//    (src/web/app/layout/app-layout.tsx, brand.tsx, features/patient-home/home-page.tsx). React's first render
//    replaces it with the same pixels (checked by e2e/phone-first-paint.e2e.test.ts), so the greeting — the
//    page's largest text, its "largest contentful paint" — shows about as soon as the session has answered
//    instead of after the app has run. Nothing here is a placeholder: what is drawn is what the page shows.
// Only with the "Opening…" bar of index.html still in place (React has not rendered); anything unexpected
// (another page, a wider screen, no session, another role) leaves that bar as it is.

const STYLES_MARK = 'data-duet-styles'; // lib/stylesheets.ts marks the preloads with it
const OPENING_MARK = 'data-duet-opening'; // index.html's "Opening…" bar
const SESSION_PATH = '/api/auth/session';
/** Mantine's "sm" breakpoint (48em) as app-layout.tsx reads it: below it the header is the phone's. */
const PHONE = '(max-width: 47.99em)';

/** Attaches each preloaded stylesheet; answers once all have loaded (or failed: the app renders anyway). */
function attachStyles(doc: Document): Promise<void> {
  const preloads = [...doc.querySelectorAll<HTMLLinkElement>(`link[rel="preload"][${STYLES_MARK}]`)];
  return Promise.all(
    preloads.map(
      (preload) =>
        new Promise<void>((resolve) => {
          const sheet = doc.createElement('link');
          sheet.rel = 'stylesheet';
          if (preload.crossOrigin !== null) sheet.crossOrigin = preload.crossOrigin;
          sheet.href = preload.href;
          sheet.addEventListener('load', () => resolve());
          sheet.addEventListener('error', () => resolve());
          preload.after(sheet);
        }),
    ),
  ).then(() => undefined);
}

interface SessionUserLike {
  name?: unknown;
  role?: unknown;
  clinicName?: unknown;
}

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

// The markup React renders for the phone's header and Today's greeting (the burger is a disabled button until
// the app has run; the safety plan is a plain link that works at once). Text goes in by textContent.
// The style element carries the theme's variables that the page's top uses (app/theme.ts: its font and "dimmed"
// grey), as MantineProvider's own style elements set them once React has rendered.
const TOP_OF_TODAY = `
<style>:root{--mantine-font-family:${FONT};--mantine-font-family-headings:${FONT}}:root[data-mantine-color-scheme="light"]{--mantine-color-dimmed:#5c636a}</style>
<div class="m_89ab340 mantine-AppShell-root" data-mode="fixed" style="--app-shell-header-height:calc(3.75rem * var(--mantine-scale));--app-shell-header-offset:calc(3.75rem * var(--mantine-scale));--app-shell-padding:var(--mantine-spacing-sm);--app-shell-navbar-offset:0px">
<header class="m_3b16f56b mantine-AppShell-header" data-with-border="true" style="--app-shell-header-z-index:100">
<div class="m_4081bf90 mantine-Group-root" style="--group-gap:var(--mantine-spacing-md);--group-align:center;--group-justify:space-between;--group-wrap:nowrap;padding-inline:var(--mantine-spacing-md);height:100%">
<div class="m_4081bf90 mantine-Group-root" style="--group-gap:var(--mantine-spacing-sm);--group-align:center;--group-justify:flex-start;--group-wrap:nowrap;min-width:0px;flex:1 1 0%">
<button type="button" disabled aria-hidden="true" class="m_fea6bf1a mantine-Burger-root m_87cf2631 mantine-UnstyledButton-root" style="--burger-size:var(--burger-size-sm)"><div class="m_d4fb9cad mantine-Burger-burger" data-reduce-motion="true"></div></button>
<div class="m_4081bf90 mantine-Group-root" style="--group-gap:calc(0.5rem * var(--mantine-scale));--group-align:center;--group-justify:flex-start;--group-wrap:nowrap;min-width:0px;flex:1 1 0%">
<svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false" style="flex-shrink:0"><circle cx="12" cy="16" r="9" fill="#1c7ed6" opacity="0.85"></circle><circle cx="20" cy="16" r="9" fill="#0ca678" opacity="0.85"></circle></svg>
<p class="m_b6d8b162 mantine-Text-root" data-size="lg" style="--text-fz:var(--mantine-font-size-lg);--text-lh:var(--mantine-line-height-lg);color:var(--mantine-color-dark-8);font-weight:700">Duet</p>
<p class="m_b6d8b162 mantine-Text-root" data-size="sm" data-truncate="end" data-slot="clinic" style="--text-fz:var(--mantine-font-size-sm);--text-lh:var(--mantine-line-height-sm);min-width:0px;flex:1 1 0%;color:var(--mantine-color-dimmed)"></p>
</div></div>
<a class="m_77c9d27d mantine-Button-root m_87cf2631 mantine-UnstyledButton-root" data-size="xs" data-with-left-section="true" href="/home/safety-plan" style="--button-height:var(--button-height-xs);--button-padding-x:var(--button-padding-x-xs);--button-fz:var(--mantine-font-size-xs);--button-bg:var(--mantine-color-red-8);--button-hover:var(--mantine-color-red-9);--button-color:var(--mantine-color-white);--button-bd:calc(0.0625rem * var(--mantine-scale)) solid transparent;flex-shrink:0"><span class="m_80f1301b mantine-Button-inner"><span class="m_a74036a mantine-Button-section" data-position="left"><svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M8 12a4 4 0 1 0 8 0a4 4 0 1 0 -8 0"></path><path d="M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0"></path><path d="M15 15l3.35 3.35"></path><path d="M9 15l-3.35 3.35"></path><path d="M5.65 5.65l3.35 3.35"></path><path d="M18.35 5.65l-3.35 3.35"></path></svg></span><span class="m_811560b9 mantine-Button-label">Safety plan</span></span></a>
</div></header>
<main class="m_8983817 mantine-AppShell-main"><div style="margin-inline:auto;max-width:calc(45rem * var(--mantine-scale))">
<div class="m_6d731127 mantine-Stack-root" style="--stack-gap:var(--mantine-spacing-lg);--stack-align:stretch;--stack-justify:flex-start"><div>
<h1 class="m_8a5d1357 mantine-Title-root" data-order="1" data-slot="greeting" style="--title-fw:var(--mantine-h1-font-weight);--title-lh:var(--mantine-h1-line-height);--title-fz:var(--mantine-h2-font-size)"></h1>
<p class="m_b6d8b162 mantine-Text-root" data-slot="welcome" style="color:var(--mantine-color-dimmed)"></p>
</div><p role="status" class="visually-hidden">Opening…</p></div></div></main></div>`;

function fill(root: HTMLElement, slot: string, text: string): void {
  const element = root.querySelector(`[data-slot="${slot}"]`);
  if (element) element.textContent = text;
}

/** Draws the top of Today for a signed-in patient, in place of the "Opening…" bar (if React has not rendered). */
function drawTopOfToday(doc: Document, user: SessionUserLike): void {
  const root = doc.getElementById('root');
  if (!root?.firstElementChild?.hasAttribute(OPENING_MARK)) return;
  if (user.role !== 'patient' || typeof user.name !== 'string' || typeof user.clinicName !== 'string') return;
  const top = doc.createElement('div');
  top.innerHTML = TOP_OF_TODAY;
  fill(top, 'clinic', user.clinicName);
  fill(top, 'greeting', `${greeting(new Date().getHours())}, ${user.name.split(' ')[0] ?? user.name}`);
  fill(top, 'welcome', `Welcome to Duet at ${user.clinicName}.`);
  root.replaceChildren(...top.childNodes);
}

function firstPaint(win: Window): void {
  const doc = win.document;
  win.duetStyles = attachStyles(doc);
  if (win.location.pathname !== '/home' || !win.matchMedia(PHONE).matches) return;
  const read = fetch(SESSION_PATH, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  win.duetSessionRead = read;
  // A copy of the answer is read here, before the app reads the answer itself (this callback runs first).
  const user = read.then((response) =>
    response.ok ? (response.clone().json() as Promise<{ user?: SessionUserLike }>) : null,
  );
  Promise.all([win.duetStyles, user]).then(
    ([, answer]) => {
      if (answer?.user) drawTopOfToday(doc, answer.user);
    },
    () => undefined, // no session answer: the app asks again and shows what it gets
  );
}

firstPaint(window);
