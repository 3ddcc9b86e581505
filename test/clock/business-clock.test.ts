import { addDays, calendarMonth, isCalendarDay } from '../../src/clock/calendar-day.js';
import {
  businessDayOf, businessMomentText, businessTimeOn, businessToday, endOfBusinessDay, setBusinessTimeZone, startOfBusinessDay,
} from '../../src/clock/business-clock.js';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

/** The business clock, with the server's own zone left out of it: these tests hold in any TZ. */
describe('the business clock', () => {
  afterEach(() => setBusinessTimeZone('Asia/Shanghai'));

  test('when it is 07:30 in Beijing (23:30 UTC the day before), then today is the Beijing day', () => {
    const beijingMorning = new Date('2026-03-31T23:30:00Z');
    expect(businessToday(beijingMorning)).toBe('2026-04-01');
    // On the 1st the month is the new one: the dashboard's 本月 starts here.
    expect(calendarMonth(businessToday(beijingMorning))).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(startOfBusinessDay('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(endOfBusinessDay('2026-04-01').toISOString()).toBe('2026-04-01T16:00:00.000Z');
  });

  test('when an instant is written for people or another system, then it is Beijing time with its offset', () => {
    expect(businessMomentText(new Date('2026-03-01T07:30:05Z'))).toBe('2026-03-01 15:30:05 +08:00');
    expect(businessDayOf(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  test('when the company runs on a zone with daylight saving time, then a day starts at its own midnight', () => {
    setBusinessTimeZone('America/Los_Angeles');
    // 8 March 2026: clocks go from 02:00 to 03:00; the day starts at 00:00 PST (UTC−8), the next at PDT (UTC−7).
    expect(startOfBusinessDay('2026-03-08').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(startOfBusinessDay('2026-03-09').toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(businessTimeOn('2026-03-08', '09:00').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(businessMomentText(new Date('2026-07-01T19:00:00Z'))).toBe('2026-07-01 12:00:00 -07:00');
  });

  test('when a day does not exist, then it is not a day: nothing rolls over to the next month', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    for (const impossible of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '20260101']) {
      expect(isCalendarDay(impossible)).toBe(false);
    }
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  test('when BUSINESS_TIME_ZONE is set, then it must be a zone, and Asia/Shanghai is the default', () => {
    expect(loadConfig({}).businessTimeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ BUSINESS_TIME_ZONE: 'Asia/Urumqi' }).businessTimeZone).toBe('Asia/Urumqi');
    expect(() => loadConfig({ BUSINESS_TIME_ZONE: 'Beijing' })).toThrow(/BUSINESS_TIME_ZONE/);
  });

  test('when any code dates or formats an instant, then it reads the zone from the business clock: no other file names a zone', () => {
    // A zone written into a formatter, an SQL AT TIME ZONE or a constant is a day off for a company on another zone.
    // So is a day or time written in the browser's or the server's own zone (toLocaleDateString).
    const zoneLiteral = /['"`](Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z_]+|\.toLocale(Date|Time)String\(/;
    // The default zone itself.
    const allowed = new Set(['src/clock/business-clock.ts']);
    const named: string[] = [];
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !allowed.has(path.relative(PROJECT_ROOT, file)) && zoneLiteral.test(fs.readFileSync(file, 'utf8'))) named.push(path.relative(PROJECT_ROOT, file));
      }
    };
    for (const folder of ['src', 'resources', 'dashboards']) walk(path.join(PROJECT_ROOT, folder));
    expect(named).toEqual([]);
  });
});
