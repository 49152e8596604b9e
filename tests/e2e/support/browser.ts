/**
 * Real headless Debian Chromium through playwright-core (flags from ../../../../shared/STACK.md),
 * with pages that record every request and every console error, so tests can assert that the
 * app talks to no host but its own and logs no errors.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../data/paths';

export const CHROMIUM_PATH = process.env.TLG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** A 1440×900 window: a laptop or projector at its usual resolution. */
export const VIEWPORT = { width: 1440, height: 900 };
/** A map page takes 8–15 s to be ready on this machine; leave room for a loaded CI box. */
export const READY_TIMEOUT_MS = 60_000;
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page (and its workers) requested. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

export async function openPage(browser: Browser): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, context, requests, errors };
}

/** Requests to any origin other than the app's own (data: and blob: URLs never leave the page). */
export function foreignRequests(requests: readonly string[], baseUrl: string): string[] {
  const own = new URL(baseUrl).origin;
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.origin !== own;
  });
}

/** Logs in through the API in the page's own context, so the session cookie is the browser's. */
export async function logIn(context: BrowserContext, baseUrl: string, username: string, password: string): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/session`, { data: { username, password } });
  if (response.status() !== 204) throw new Error(`login as ${username} failed: ${response.status()} ${await response.text()}`);
}

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__TLG_READY__ === true, undefined, { timeout: READY_TIMEOUT_MS, polling: 100 });
}

/**
 * Makes a change and waits for the map to be ready again. The flag is cleared first so the
 * wait cannot be satisfied by the previous view; the app sets it again only after the change
 * has been fetched, handed to deck.gl, drawn, and MapLibre is idle.
 */
export async function changeAndWait(page: Page, change: () => Promise<void>): Promise<void> {
  await page.evaluate(() => {
    window.__TLG_READY__ = false;
  });
  await change();
  await waitForReady(page);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
