// Vitest global setup of the browser journeys: one Chromium for the whole run, which every journey file
// connects to (support/browser.ts `launchBrowser`) instead of starting one per file (issue 18: CI under
// 8 minutes). Each journey still gets fresh browser contexts, so no cookie, storage or service worker is shared.
import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './browser';

let browserServer: BrowserServer | null = null;

export async function setup(): Promise<void> {
  if (process.env.DUET_E2E_BROWSER_WS) return; // given from outside: use it as it is
  browserServer = await chromium.launchServer(CHROMIUM_LAUNCH);
  // Test workers are started after this and inherit the environment.
  process.env.DUET_E2E_BROWSER_WS = browserServer.wsEndpoint();
}

export async function teardown(): Promise<void> {
  await browserServer?.close();
  browserServer = null;
}
