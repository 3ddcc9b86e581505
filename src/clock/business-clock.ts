import { addDays, isCalendarDay, type CalendarDay } from './calendar-day.js';

/**
 * The company's clock. The business runs on one time zone (BUSINESS_TIME_ZONE, Beijing time by
 * default) wherever the server, the database or a browser is: it decides what "today" is, when a
 * day or a month starts, the default date of a new order, the analysis windows and how an instant
 * is written for people (lists, exports). The server sets the zone once at start from the
 * configuration; the browser reads it from the panel's environment (window.AdminJS.env).
 */
export const DEFAULT_BUSINESS_TIME_ZONE = 'Asia/Shanghai';

let configuredZone: string | undefined;

export function setBusinessTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new Error(`not a time zone: ${zone}`);
  configuredZone = zone;
}

export function businessTimeZone(): string {
  return configuredZone ?? browserZone() ?? DEFAULT_BUSINESS_TIME_ZONE;
}

/** An IANA zone name the runtime knows ('Asia/Shanghai', 'UTC'). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** Today where the company is. */
export function businessToday(now: Date = new Date()): CalendarDay {
  return businessDayOf(now);
}

/** The business day an instant falls on. */
export function businessDayOf(moment: Date): CalendarDay {
  const { year, month, day } = wallClock(moment);
  return `${year}-${month}-${day}`;
}

/** The instant a business day starts (midnight in the business zone, whatever its offset that day). */
export function startOfBusinessDay(day: CalendarDay): Date {
  if (!isCalendarDay(day)) throw new Error(`not a calendar day: ${day}`);
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The offset at the guess may differ from the one at midnight (a daylight-saving change that
  // day); a second pass with the offset found settles it.
  let instant = midnightUtc - offsetMinutes(new Date(midnightUtc)) * 60_000;
  instant = midnightUtc - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The first instant after a business day: the start of the next one. */
export function endOfBusinessDay(day: CalendarDay): Date {
  return startOfBusinessDay(addDays(day, 1));
}

/** The instant a wall-clock time ('HH:MM') of a business day is. */
export function businessTimeOn(day: CalendarDay, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const start = startOfBusinessDay(day);
  const guess = new Date(start.getTime() + (hours * 60 + minutes) * 60_000);
  // Across a daylight-saving change the hours since midnight differ from the wall clock by the shift.
  return new Date(guess.getTime() - (offsetMinutes(guess) - offsetMinutes(start)) * 60_000);
}

/** The zone's offset from UTC at an instant, as '+08:00'. */
export function businessOffset(moment: Date): string {
  const minutes = offsetMinutes(moment);
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  return `${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

/** '2026-03-01 07:30' on the business clock, as lists and forms show an instant. */
export function businessDateTimeText(moment: Date): string {
  const clock = wallClock(moment);
  return `${clock.year}-${clock.month}-${clock.day} ${clock.hour}:${clock.minute}`;
}

/** '2026-03-01 07:30:00 +08:00': an instant written for people and other systems, with its zone. */
export function businessMomentText(moment: Date): string {
  const clock = wallClock(moment);
  return `${clock.year}-${clock.month}-${clock.day} ${clock.hour}:${clock.minute}:${clock.second} ${businessOffset(moment)}`;
}

/** The wall clock of the business zone at an instant, every part two digits (year four). */
export function wallClock(moment: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = formatter(businessTimeZone()).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '00';
  // Some runtimes write midnight as hour 24 with hourCycle h23 unsupported; it is 00.
  const hour = part('hour') === '24' ? '00' : part('hour');
  return { year: part('year'), month: part('month'), day: part('day'), hour, minute: part('minute'), second: part('second') };
}

function offsetMinutes(moment: Date): number {
  const clock = wallClock(moment);
  const asUtc = Date.UTC(Number(clock.year), Number(clock.month) - 1, Number(clock.day), Number(clock.hour), Number(clock.minute), Number(clock.second));
  return Math.round((asUtc - Math.floor(moment.getTime() / 1000) * 1000) / 60_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** In the panel's browser bundle the server passes its zone in AdminJS's environment. */
function browserZone(): string | undefined {
  const zone = (globalThis as { AdminJS?: { env?: Record<string, unknown> } }).AdminJS?.env?.BUSINESS_TIME_ZONE;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : undefined;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
