/**
 * Web figures for `npm run bench`: time from navigation to the map's ready flag (map idle,
 * deck.gl drawn, data settled) in real headless Chromium, and the JavaScript the first screen
 * loads (initial) versus everything the map view loads (total, with the lazy map chunk and
 * the MapLibre worker). Called by the lead's bench script with a running server.
 */
import { chromium, type Page, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, READY_TIMEOUT_MS, VIEWPORT } from '../tests/e2e/support/browser';

export interface WebBenchResult {
  readyMs: number[];
  initialJsBytes: number;
  totalJsBytes: number;
}

export interface WebBenchOptions {
  /** Page loads to time; each is a fresh page in the logged-in context. */
  runs?: number;
  /** The view to time (query string); default: the briefing a leader opens first. */
  search?: string;
}

const DEFAULT_RUNS = 3;

function isJavaScript(response: Response): boolean {
  const url = new URL(response.url());
  const type = response.headers()['content-type'] ?? '';
  return /\.(m?js)$/.test(url.pathname) || type.includes('javascript');
}

/** Sums the bytes of the JavaScript responses a page receives while `work` runs. */
async function javaScriptBytes(page: Page, work: () => Promise<void>): Promise<number> {
  const sizes: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    if (isJavaScript(response)) sizes.push(response.body().then((body) => body.length, () => 0));
  };
  page.context().on('response', onResponse);
  try {
    await work();
  } finally {
    page.context().off('response', onResponse);
  }
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

async function waitForMapReady(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__TLG_READY__ === true, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
  return page.evaluate(() => window.__TLG_READY_AT__ ?? performance.now());
}

export async function benchWeb(
  baseUrl: string,
  credentials: { username: string; password: string },
  options: WebBenchOptions = {},
): Promise<WebBenchResult> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const search = options.search ?? '';
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    // First screen without a session: the login page, i.e. the entry chunk and nothing lazy.
    const anonymous = await browser.newContext({ viewport: VIEWPORT });
    const firstPage = await anonymous.newPage();
    const initialJsBytes = await javaScriptBytes(firstPage, async () => {
      await firstPage.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    });
    await anonymous.close();

    const context = await browser.newContext({ viewport: VIEWPORT });
    const login = await context.request.post(`${baseUrl}/api/session`, { data: credentials });
    if (login.status() !== 204) throw new Error(`bench login as ${credentials.username} failed: ${login.status()}`);

    const readyMs: number[] = [];
    let totalJsBytes = 0;
    for (let run = 0; run < runs; run += 1) {
      const page = await context.newPage();
      const bytes = await javaScriptBytes(page, async () => {
        await page.goto(`${baseUrl}/${search}`);
        readyMs.push(Math.round(await waitForMapReady(page)));
      });
      // The first run has a cold cache: it is the one that loads every script.
      if (run === 0) totalJsBytes = bytes;
      await page.close();
    }
    await context.close();
    return { readyMs, initialJsBytes, totalJsBytes };
  } finally {
    await browser.close();
  }
}
