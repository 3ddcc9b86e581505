import { addDays } from '../../clock/calendar-day.js';
import { businessDayOf, businessTimeOn } from '../../clock/business-clock.js';

/** 'HH:MM' on a 24-hour clock, as ANALYSIS_SCHEDULE gives it. */
export const DAILY_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The first moment after `now` at the given time of day on the business clock (not the server's). */
export function nextDailyRun(now: Date, time: string): Date {
  if (!DAILY_TIME.test(time)) throw new Error(`not a time of day: ${time}`);
  const today = businessDayOf(now);
  const run = businessTimeOn(today, time);
  return run > now ? run : businessTimeOn(addDays(today, 1), time);
}
