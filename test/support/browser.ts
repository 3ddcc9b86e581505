import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { QueryTypes, type Sequelize } from 'sequelize';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { createTestDatabase } from './test-database.js';
import { loginAs, startTestApp } from './test-app.js';

/**
 * A real Chromium for journeys through the panel: Debian's package, driven by playwright-core.
 * Launch once per test file, open a logged-in page per journey, close the browser in afterAll.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/**
 * The browser's own words (the file picker's button, form validation bubbles) as a Chinese user's
 * browser says them. Chromium on Linux takes its interface language from LANGUAGE, not --lang, and
 * stays in English where Debian's chromium-l10n is not installed.
 */
const CHROMIUM_ENV = { ...process.env, LANGUAGE: 'zh_CN' };

/** A laptop screen, the smallest the managers use. */
export const LAPTOP = { width: 1366, height: 768 };

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, env: CHROMIUM_ENV });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh context (own cookies) logged in through the login form as a user would. Every request
 * that does not go to the app is aborted: the login page asks the internet for web fonts, and
 * waiting for them would only time out.
 */
export async function openLoggedInPage(
  browser: Browser,
  appUrl: string,
  email: string,
  options: {
    password?: string;
    viewport?: { width: number; height: number };
    locale?: string;
    /** The browser's time zone (an IANA name); the machine's when left out. */
    timezoneId?: string;
    /** Looks at the login page before the form is filled, as the user first sees it. */
    onLoginPage?: (page: Page) => Promise<void>;
  } = {},
): Promise<BrowserSession> {
  const app = new URL(appUrl);
  const context = await browser.newContext({
    viewport: options.viewport ?? LAPTOP, locale: options.locale ?? 'zh-CN', timezoneId: options.timezoneId, deviceScaleFactor: 1,
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === app.hostname || url.hostname === '127.0.0.1' || url.hostname === 'localhost' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  // The first page of a run may wait for AdminJS to bundle its components.
  await page.goto(new URL('/admin/login', app.origin).toString(), { timeout: FIRST_LOAD_TIMEOUT });
  await options.onLoginPage?.(page);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', options.password ?? DEMO_PASSWORD);
  // AdminJS's login button has no type attribute: it submits as the form's only button.
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), { waitUntil: 'domcontentloaded' }), page.click('form button')]);
  return { context, page, close: () => context.close() };
}

/** Where screenshots go: test-output/screenshots/<name>.png under the project, created on demand. */
export function screenshotPath(name: string): string {
  const folder = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
  fs.mkdirSync(folder, { recursive: true });
  return path.join(folder, `${name}.png`);
}

// ---- Working the panel's screens as a user does ------------------------------------------------
// AdminJS marks its own form fields `data-testid="property-edit-<field>"`, its action buttons
// `data-testid="action-<action>"` and its show fields `data-testid="property-show-<field>"`; our
// workflow forms give each input the id of its field. Waits are on the API calls the screens make.

/** A page of the panel: `/admin` + path, on the app's own origin. */
export function adminUrl(appUrl: string, path = ''): string {
  return new URL(`/admin${path}`, new URL(appUrl).origin).toString();
}

/** The first page a context opens may wait for AdminJS to bundle its components (~20 s). */
export const FIRST_LOAD_TIMEOUT = 90_000;

/** Types into a text, number or textarea field of AdminJS's new/edit form. */
export async function fillProperty(page: Page, field: string, value: string): Promise<void> {
  await page.locator(`[data-testid="property-edit-${field}"]`).locator('input:not([type="hidden"]), textarea').first().fill(value);
}

/**
 * Picks an option of a select: an enum (typed text only narrows it) or a reference (the text is
 * searched on the server, and the option appears when the search answers). `select` is a
 * selector of the select's container (AdminJS's forms) or of its input (our workflow forms).
 */
export async function chooseOption(page: Page, select: string, option: string, search = option): Promise<void> {
  const input = page.locator(`input${select}, ${select} input[role="combobox"]`).first();
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The select of a field of AdminJS's new/edit form. */
export const propertySelect = (field: string) => `[data-testid="property-edit-${field}"]`;

/**
 * Saves AdminJS's new or edit form, waits for the page the server sends the browser to (the list,
 * after a new record) and opens the saved record's page, as the user would from the list. Fails
 * with the server's field errors when the form is refused. Returns the record's id.
 */
export async function saveRecord(page: Page, resourceId: string): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname.startsWith(`/admin/api/resources/${resourceId}/`)),
    page.click('[data-testid="button-save"]'),
  ]);
  const body = (await response.json()) as {
    record?: { id?: string | number; errors?: Record<string, { message: string }> };
    notice?: { message: string };
    redirectUrl?: string;
  };
  const errors = body.record?.errors ?? {};
  if (Object.keys(errors).length > 0 || !body.record?.id || !body.redirectUrl) {
    throw new Error(`saving ${resourceId} was refused: ${JSON.stringify(errors)} ${body.notice?.message ?? ''}`);
  }
  const id = String(body.record.id);
  const redirected = new URL(body.redirectUrl, page.url()).pathname;
  await page.waitForURL((url) => url.pathname === redirected);
  const show = `/admin/resources/${resourceId}/records/${id}/show`;
  if (redirected !== show) await page.goto(new URL(show, page.url()).toString());
  await page.locator('[data-testid^="property-show-"]').first().waitFor();
  return id;
}

/** What the server says after an action: a message key, its values, and success or error. */
export interface Notice {
  message: string;
  type: string;
  options?: Record<string, unknown>;
}

/**
 * Runs a record's workflow step from its page: the step's button, its form (filled by `fill`),
 * the form's submit; then waits for the record page the server sends the browser back to.
 * Returns the server's notice.
 */
export async function runRecordAction(
  page: Page,
  resourceId: string,
  recordId: string,
  action: string,
  fill: (page: Page) => Promise<void> = async () => undefined,
): Promise<Notice> {
  await page.click(`[data-testid="action-${action}"]`);
  await page.waitForURL((url) => url.pathname === `/admin/resources/${resourceId}/records/${recordId}/${action}`);
  const form = page.locator('form').filter({ has: page.locator('button[type="submit"]') }).last();
  await form.waitFor();
  await fill(page);
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === `/admin/api/resources/${resourceId}/records/${recordId}/${action}`),
    form.locator('button[type="submit"]').click(),
  ]);
  const { notice } = (await response.json()) as { notice?: Notice };
  if (!notice || notice.type !== 'success') throw new Error(`${action} on ${resourceId} ${recordId} was refused: ${JSON.stringify(notice)}`);
  await page.waitForURL((url) => url.pathname === `/admin/resources/${resourceId}/records/${recordId}/show`);
  return notice;
}

/** The value of a field on a record's page as the user reads it, without its label. */
export async function shownValue(page: Page, field: string): Promise<string> {
  const text = await page.locator(`[data-testid="property-show-${field}"]`).first().evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('label').forEach((label) => label.remove());
    return copy.textContent ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Waits until a field of the record's page reads `expected`: after a workflow step the page is
 * drawn at once and refreshed when the record's new state arrives.
 */
export async function waitForShownValue(page: Page, field: string, expected: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([selector, value]) => {
        const element = document.querySelector(selector);
        if (!element) return false;
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('label').forEach((label) => label.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim() === value;
      },
      [`[data-testid="property-show-${field}"]`, expected] as const,
      { timeout, polling: 100 },
    );
  } catch {
    throw new Error(`${field} on the record's page reads "${await shownValue(page, field).catch(() => '(missing)')}", not "${expected}"`);
  }
}

/** The number in a shown quantity or amount: "1,818.5 吨" → 1818.5. */
export function numberIn(text: string): number {
  const match = /-?[\d,]+(\.\d+)?/.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace(/,/g, ''));
}

/** What every journey runs in: its own copy of the demo database, the app on it, one Chromium. */
export interface JourneyWorld {
  running: RunningPetroCrm;
  sequelize: Sequelize;
  browser: Browser;
  sql<T extends object>(query: string, bind?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openJourneyWorld(): Promise<JourneyWorld> {
  const database = await createTestDatabase('demo');
  const running = await startTestApp(database.url);
  // A logged-in page names our component bundle, so AdminJS builds it now, before any browser
  // waits on a page for it.
  await (await loginAs(running.url, 'admin@petrocrm.cn')).get('/admin').expect(200);
  const sequelize = running.database.sequelize;
  const browser = await launchBrowser();
  return {
    running,
    sequelize,
    browser,
    sql: <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT }),
    close: async () => {
      await browser.close();
      await running.stop();
      await database.drop();
    },
  };
}
