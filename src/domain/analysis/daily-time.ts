/** 'HH:MM' on a 24-hour clock, as ANALYSIS_SCHEDULE gives it. */
export const DAILY_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The first moment after `now` at the given local time of day. */
export function nextDailyRun(now: Date, time: string): Date {
  const match = DAILY_TIME.exec(time);
  if (!match) throw new Error(`not a time of day: ${time}`);
  const next = new Date(now);
  next.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next;
}
