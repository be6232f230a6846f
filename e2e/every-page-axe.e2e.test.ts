// Journey (issue 17): every page of the web router, as each role of the demo clinic would open it on a
// 390 px phone, has no serious or critical axe violation and fits the screen (no sideways scrolling).
// The pages come from src/web/app/router.tsx itself, so a new route is checked without editing this file.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newContext } from './support/browser';
import { DEMO, apiFromPage, signIn } from './support/journey';
import { startServer, type DuetServer } from './support/server';

const PHONE_390 = { width: 390, height: 844 } as const;

type Access = 'public' | 'signedIn' | 'admin' | 'clinician' | 'patient';

/** The router's paths by who may open them, read from the route table's nesting. */
export function routesByAccess(source: string): Record<Access, string[]> {
  const out: Record<Access, string[]> = { public: [], signedIn: [], admin: [], clinician: [], patient: [] };
  const table = source.slice(source.indexOf('const routes'));
  let depth = 0;
  const sections: { access: Access; depth: number }[] = [{ access: 'public', depth: 0 }];
  for (const line of table.split('\n')) {
    const roles = /RequireRole roles=\{([^}]+)\}/.exec(line)?.[1];
    if (line.includes('<RequireSession')) sections.push({ access: 'signedIn', depth });
    else if (roles !== undefined)
      sections.push({
        access: roles.includes('admin') ? 'admin' : roles.includes('patient') ? 'patient' : 'clinician',
        depth,
      });
    const path = /path: '([^']+)'/.exec(line)?.[1];
    if (path !== undefined && path !== '*' && path !== '/') out[sections.at(-1)!.access].push(path);
    depth += (line.match(/[[{(]/g) ?? []).length - (line.match(/[\]})]/g) ?? []).length;
    while (sections.length > 1 && depth < sections.at(-1)!.depth) sections.pop();
  }
  return out;
}

const ROUTES = routesByAccess(readFileSync('src/web/app/router.tsx', 'utf8'));

/** A path with its :params filled from `values`; a param without a value fails loudly. */
function fill(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`every-page-axe: no value for :${name} in ${path}`);
    return value;
  });
}

/**
 * Opens a page the way the app's own links do (history + popstate, React Router follows), which skips
 * reloading the app for every page; the first page of a context is a real load. Then waits until nothing
 * on the page is loading (LoadingState: a loader inside role="status").
 */
async function open(page: Page, url: string): Promise<void> {
  if (page.url() === 'about:blank') await page.goto(url);
  else
    await page.evaluate((to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  await page.waitForFunction(
    (to) =>
      window.location.pathname === to &&
      document.querySelector('h1') !== null &&
      document.querySelector('[role="status"] .mantine-Loader-root') === null,
    new URL(url, 'http://x').pathname,
  );
}

/** Opens each page, checks it, and returns the problems found (all of them, not just the first). */
async function checkPages(page: Page, paths: string[], values: Record<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const url = fill(path, values);
    await open(page, url);
    try {
      await expectNoAxeViolations(page, `${path} (${url})`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE_390.width) {
      // Name the innermost elements that stick out, so the failure says what to fix.
      const culprits = await page.evaluate((limit) => {
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const box = el.getBoundingClientRect();
          if (box.right <= limit + 1 || box.width === 0) continue;
          const inner = Array.from(el.children).some((c) => c.getBoundingClientRect().right > limit + 1);
          if (!inner)
            out.push(
              `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').slice(0, 60)} "${el.textContent.slice(0, 40)}"`,
            );
        }
        return out.slice(0, 5);
      }, PHONE_390.width);
      problems.push(
        `${path}: ${String(width)} px wide at ${String(PHONE_390.width)} px: ${culprits.join('; ')}`,
      );
    }
  }
  return problems;
}

describe('every page of every role at 390 px: no serious axe violations, no overflow', () => {
  let server: DuetServer | undefined;
  let browser: Browser | undefined;
  const values: Record<string, string> = {
    instrument: 'phq9',
    classKey: 'ssri',
    token: 'not-a-real-invitation',
    entryId: randomUUID(),
    sessionId: randomUUID(),
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the route table', () => {
    expect(ROUTES.public).toContain('/login');
    expect(ROUTES.admin).toContain('/admin/users');
    expect(ROUTES.clinician).toContain('/patients/:patientId');
    expect(ROUTES.patient).toContain('/home');
    expect(ROUTES.signedIn).toContain('/account');
    expect(ROUTES.clinician).not.toContain('/home');
  });

  it('signed out', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE_390 });
    const page = await context.newPage();
    expect(await checkPages(page, ROUTES.public, values)).toEqual([]);
    await context.close();
  });

  it('therapist', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE_390 });
    const page = await context.newPage();
    await signIn(page, DEMO.therapist, /\/caseload$/);
    const caseload = (await apiFromPage(page, '/api/patients')).body as {
      patients: { id: string; givenName: string }[];
    };
    const patientId = caseload.patients.find((p) => p.givenName === 'Sam')?.id ?? '';
    expect(patientId).not.toBe('');
    values.patientId = patientId;
    const conversations = (await apiFromPage(page, `/api/patients/${patientId}/conversations`)).body as {
      conversations?: { id: string }[];
    };
    values.conversationId = conversations.conversations?.[0]?.id ?? randomUUID();
    const appointments = (await apiFromPage(page, `/api/patients/${patientId}/appointments`)).body as {
      appointments?: { id: string }[];
    };
    values.appointmentId = appointments.appointments?.[0]?.id ?? randomUUID();
    const practice = (await apiFromPage(page, `/api/patients/${patientId}/practice`)).body as {
      assignments?: { id: string; type: string }[];
    };
    values.assignmentId =
      practice.assignments?.find((a) => a.type === 'thought_record')?.id ??
      practice.assignments?.[0]?.id ??
      '';
    const reviews = (await apiFromPage(page, '/api/case-reviews')).body as { sessions?: { id: string }[] };
    values.sessionId = reviews.sessions?.[0]?.id ?? values.sessionId!;
    expect(await checkPages(page, [...ROUTES.clinician, ...ROUTES.signedIn], values)).toEqual([]);
    await context.close();
  }, 180_000);

  it('prescriber', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE_390 });
    const page = await context.newPage();
    await signIn(page, DEMO.prescriber, /\/caseload$/);
    const paths = ROUTES.clinician.filter((p) => p.startsWith('/patients/:patientId'));
    expect(await checkPages(page, ['/caseload', '/inbox', ...paths], values)).toEqual([]);
    await context.close();
  }, 120_000);

  it('admin', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE_390 });
    const page = await context.newPage();
    await signIn(page, DEMO.admin, /\/admin\/users$/);
    expect(await checkPages(page, [...ROUTES.admin, ...ROUTES.signedIn], values)).toEqual([]);
    await context.close();
  }, 120_000);

  it('patient', async () => {
    const context = await newContext(browser!, { baseURL: server!.baseUrl, viewport: PHONE_390 });
    const page = await context.newPage();
    await signIn(page, DEMO.patient, /\/home$/);
    expect(await checkPages(page, [...ROUTES.patient, ...ROUTES.signedIn], values)).toEqual([]);
    await context.close();
  }, 120_000);
});
