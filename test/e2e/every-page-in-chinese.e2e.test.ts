import type { Browser, Page } from 'playwright-core';
import { adminUrl, FIRST_LOAD_TIMEOUT, openJourneyWorld, openLoggedInPage, type JourneyWorld } from '../support/browser.js';

/**
 * Every page each role reaches, in a Chinese browser: the statistics page and every list in its
 * menu, and for the administrator (who reaches all of them) the first record's page of each list
 * and every form and workflow step of that record and of the resource. A page fails on any Latin word that
 * is not a product grade or name, a business code, an e-mail address or one of a few acronyms
 * the business writes in Latin letters.
 */
const ROLES = [
  'admin@petrocrm.cn', 'manager.ec@petrocrm.cn', 'rep.zhang@petrocrm.cn', 'service@petrocrm.cn',
  'warehouse@petrocrm.cn', 'marketing@petrocrm.cn', 'viewer@petrocrm.cn', 'finance@petrocrm.cn',
];

/** Written in Latin letters in Chinese business text. */
const ACRONYMS = ['PetroCRM', 'SLA', 'RFM', 'CSV', 'Excel', 'xlsx', 'ABC', 'SMTP', 'TLS', 'ERP'];
/** SI units a certificate of analysis writes in Latin letters in China too (GB/T standards). */
const UNITS = ['MPa', 'kPa', 'mg', 'kg', 'min', 'mm'];

/** A word of Latin letters; digits and codes such as SO00002434 or T30S are not words. */
const LATIN_WORD = /(?<![A-Za-z0-9._%+-])[A-Za-z]{2,}(?![A-Za-z0-9])/g;
const E_MAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

interface ResourceInState {
  id: string;
  href: string | null;
  resourceActions: Array<{ name: string; hasHandler?: boolean; component?: unknown }>;
}

/** Actions whose page is not a page: they run on a click, or download a file. */
const NOT_PAGES = new Set(['list', 'show', 'delete', 'bulkDelete', 'search', 'export']);

describe('every page of every role speaks Chinese', () => {
  let world: JourneyWorld;
  let browser: Browser;
  let allowed: Set<string>;

  beforeAll(async () => {
    world = await openJourneyWorld();
    browser = world.browser;
    // The business's own words: product names and grades, codes (branches EC, categories RESIN,
    // roles sales_rep), names people typed, and the {{placeholders}} of e-mail templates.
    const names = await world.sql<{ text: string }>(
      `SELECT name AS text FROM products UNION ALL SELECT grade FROM products WHERE grade IS NOT NULL
       UNION ALL SELECT specification FROM products WHERE specification IS NOT NULL
       UNION ALL SELECT name FROM customers UNION ALL SELECT name FROM campaigns UNION ALL SELECT subject FROM email_templates
       UNION ALL SELECT (regexp_matches(subject || ' ' || body, '\\{\\{([^}]+)\\}\\}', 'g'))[1] FROM email_templates
       UNION ALL SELECT code FROM email_templates
       UNION ALL SELECT name FROM product_categories UNION ALL SELECT code FROM product_categories UNION ALL SELECT code FROM branches
       UNION ALL SELECT code FROM warehouses UNION ALL SELECT code FROM roles UNION ALL SELECT subject FROM tickets
       UNION ALL SELECT title FROM opportunities UNION ALL SELECT subject FROM activities UNION ALL SELECT COALESCE(batch_no, '') FROM stock_movements`,
    );
    allowed = new Set([...ACRONYMS, ...UNITS, ...names.flatMap((row) => row.text?.replace(/_/g, ' ').match(LATIN_WORD) ?? [])].map((word) => word.toLowerCase()));
  }, 150_000);
  afterAll(async () => {
    await world?.close();
  });

  /**
   * Moves the single-page app to a path as a link would, without reloading its scripts, and waits
   * until the API calls the screen made have all answered and the screen has drawn its header.
   */
  async function visit(page: Page, path: string): Promise<void> {
    let inFlight = 0;
    const started = () => (inFlight += 1);
    const ended = () => (inFlight -= 1);
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    try {
      await page.evaluate((target) => {
        window.history.pushState({}, '', target);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.waitForSelector('[data-css$="-action-header"], [data-dashboard-ready], [data-testid$="Error"]', { timeout: 30_000 });
      // Two animation frames with nothing in flight: the answers are in and drawn.
      for (let quiet = 0; quiet < 2; ) {
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
    } finally {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    }
  }

  async function latinWordsOn(page: Page): Promise<string[]> {
    const text = (await page.locator('#app').innerText()).replace(E_MAIL, ' ');
    return [...new Set(text.match(LATIN_WORD) ?? [])].filter((word) => !allowed.has(word.toLowerCase()));
  }

  test('when each role walks the statistics page, its lists, their first records and (administrator) every form, then no page has an English word', async () => {
    const found: string[] = [];
    let pages = 0;
    for (const email of ROLES) {
      const session = await openLoggedInPage(browser, world.running.url, email);
      const { page } = session;
      await page.goto(adminUrl(world.running.url), { timeout: FIRST_LOAD_TIMEOUT });
      await page.waitForSelector('[data-dashboard-ready]', { timeout: FIRST_LOAD_TIMEOUT });
      const check = async (path: string) => {
        await visit(page, path);
        pages += 1;
        for (const word of await latinWordsOn(page)) found.push(`${email} ${path}: ${word}`);
      };
      await check('/admin');
      const resources = await page.evaluate(() => (window as unknown as { REDUX_STATE: { resources: ResourceInState[] } }).REDUX_STATE.resources);
      for (const resource of resources.filter((candidate) => candidate.href)) {
        await check(resource.href!);
        // Other roles see the same record pages through their own lists' columns and scopes; the
        // administrator, who reaches every record and action, walks those pages for all of them.
        if (email !== 'admin@petrocrm.cn') continue;
        const listed = await page.request.get(adminUrl(world.running.url, `/api/resources/${resource.id}/actions/list?perPage=1`));
        const first = ((await listed.json()) as { records: Array<{ id: string; recordActions: Array<{ name: string }> }> }).records[0];
        if (first) await check(`/admin/resources/${resource.id}/records/${first.id}/show`);
        for (const action of resource.resourceActions.filter((candidate) => !NOT_PAGES.has(candidate.name))) {
          await check(`/admin/resources/${resource.id}/actions/${action.name}`);
        }
        for (const action of (first?.recordActions ?? []).filter((candidate) => !NOT_PAGES.has(candidate.name))) {
          await check(`/admin/resources/${resource.id}/records/${first.id}/${action.name}`);
        }
      }
      await session.close();
    }
    expect(pages).toBeGreaterThan(100);
    expect(found).toEqual([]);
  }, 900_000);
});
