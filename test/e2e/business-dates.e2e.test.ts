import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { FIRST_LOAD_TIMEOUT, adminUrl, openJourneyWorld, openLoggedInPage, screenshotPath, shownValue, type JourneyWorld } from '../support/browser.js';

/**
 * Dates as staff pick them, with the server in UTC and the browser in Beijing or in Los Angeles:
 * the day picked is the day stored, shown and filtered on, in a Chinese date picker; a time is
 * shown on the business clock (Beijing) wherever the browser is.
 */
// The server's own clock is UTC here, as on most servers: eight hours behind the business day.
process.env.TZ = 'UTC';

describe('dates are days and times are Beijing time, whatever the browser’s time zone', () => {
  let world: JourneyWorld;
  const tag = crypto.randomBytes(3).toString('hex');

  beforeAll(async () => {
    world = await openJourneyWorld();
  }, 150_000);
  afterAll(async () => {
    await world?.close();
  });

  /** An open opportunity of the admin's to put a date on. */
  async function opportunity(title: string): Promise<number> {
    const [row] = await world.sql<{ id: number }>(
      `INSERT INTO opportunities (title, customer_id, branch_id, stage, amount)
       SELECT $1, id, branch_id, 'proposal', 50000 FROM customers WHERE merged_into_id IS NULL ORDER BY id LIMIT 1 RETURNING id`,
      [title],
    );
    return row.id;
  }

  /** Opens the calendar of a date field and picks the 20th of the month it shows; returns that day. */
  async function pickTwentieth(page: Page, input: ReturnType<Page['locator']>, screenshot: string): Promise<string> {
    await input.click();
    const header = page.locator('.react-datepicker__current-month');
    await header.waitFor();
    const [, year, month] = /^(\d{4})年(\d{1,2})月$/.exec((await header.textContent()) ?? '') ?? [];
    expect(year).toBeDefined();
    expect(await page.locator('.react-datepicker__day-name').allTextContents()).toEqual(['日', '一', '二', '三', '四', '五', '六']);
    // Nothing of the calendar is in English: no "December", no "Su Mo", no "Selected date".
    expect(await page.locator('.react-datepicker').innerText()).not.toMatch(/[A-Za-z]/);
    await page.screenshot({ path: screenshotPath(screenshot) });
    await page.locator('.react-datepicker__day--020:not(.react-datepicker__day--outside-month)').click();
    return `${year}-${month.padStart(2, '0')}-20`;
  }

  test.each(['Asia/Shanghai', 'America/Los_Angeles'])('when a browser in %s picks the 20th, then the 20th is stored, shown and found by a filter on the 20th', async (timezoneId) => {
    const title = `日期测试 ${tag} ${timezoneId}`;
    const id = await opportunity(title);
    const session = await openLoggedInPage(world.browser, world.running.url, 'admin@petrocrm.cn', { timezoneId });
    const { page } = session;
    try {
      await page.goto(adminUrl(world.running.url, `/resources/opportunities/records/${id}/edit`), { timeout: FIRST_LOAD_TIMEOUT });
      const field = page.locator('[data-testid="property-edit-expected_close"] input').first();
      await field.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const day = await pickTwentieth(page, field, `date-picker-${timezoneId.replace('/', '-')}`);
      await expect(field.inputValue()).resolves.toBe(day);

      const [saved] = await Promise.all([
        page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname.endsWith(`/records/${id}/edit`)),
        page.click('[data-testid="button-save"]'),
      ]);
      expect((await saved.json()).record.errors).toEqual({});
      const [stored] = await world.sql<{ expected_close: string }>('SELECT expected_close::text FROM opportunities WHERE id = $1', [id]);
      expect(stored.expected_close).toBe(day);

      await page.goto(adminUrl(world.running.url, `/resources/opportunities/records/${id}/show`));
      await page.locator('[data-testid="property-show-expected_close"]').waitFor();
      await expect(shownValue(page, 'expected_close')).resolves.toBe(day);

      // The list's filter drawer, from the 20th to the 20th, picked in the same calendar.
      await page.goto(adminUrl(world.running.url, `/resources/opportunities?filters.title=${encodeURIComponent(title)}`));
      await page.getByText(/^筛选/).first().click();
      for (const end of ['from', 'to']) await pickTwentieth(page, page.locator(`[id="expected_close~~${end}"]`), `date-filter-${timezoneId.replace('/', '-')}`);
      await page.getByRole('button', { name: '应用筛选' }).click();
      await page.waitForURL((url) => url.searchParams.get('filters.expected_close~~from') === day && url.searchParams.get('filters.expected_close~~to') === day);
      await page.locator(`[data-id="${id}"], tr:has-text("${title}")`).first().waitFor();
    } finally {
      await session.close();
    }
  }, 240_000);

  test('when a browser in Los Angeles shows an SLA due time, then it is the Beijing time the desk works to', async () => {
    const [ticket] = await world.sql<{ id: number }>(
      `INSERT INTO tickets (subject, kind, customer_id, branch_id, sla_due_at)
       SELECT '时区测试工单', 'consultation', id, branch_id, '2026-03-01T07:30:00Z' FROM customers ORDER BY id LIMIT 1 RETURNING id`,
    );
    const session = await openLoggedInPage(world.browser, world.running.url, 'admin@petrocrm.cn', { timezoneId: 'America/Los_Angeles' });
    try {
      await session.page.goto(adminUrl(world.running.url, `/resources/tickets/records/${ticket.id}/show`), { timeout: FIRST_LOAD_TIMEOUT });
      await session.page.locator('[data-testid="property-show-sla_due_at"]').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      // 07:30 UTC is 15:30 in Beijing (and 23:30 the day before in Los Angeles).
      await expect(shownValue(session.page, 'sla_due_at')).resolves.toBe('2026-03-01 15:30');
    } finally {
      await session.close();
    }
  });
});
