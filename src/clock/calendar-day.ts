/**
 * Calendar days as 'YYYY-MM-DD' strings: a day is a date, never an instant, so no time zone (the
 * browser's, the server's or the database session's) can move it. Arithmetic goes through UTC
 * midnights, where every day has 24 hours. Pure functions, used by the server and the browser alike.
 */
export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a day that exists: 2026-02-28 yes, 2026-02-30 no (it is not moved to March). */
export function isCalendarDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function monthStart(day: CalendarDay): CalendarDay {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: CalendarDay): CalendarDay {
  const [year, month] = day.split('-').map(Number);
  return `${day.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Moves the first day of a month by whole months; only first days, so no day overflows. */
export function addMonths(firstDay: CalendarDay, months: number): CalendarDay {
  const [year, month] = firstDay.split('-').map(Number);
  return utcDay(Date.UTC(year, month - 1 + months, 1));
}

export interface DayRange {
  from: CalendarDay;
  /** Included. */
  to: CalendarDay;
}

/** The calendar month of `day`, shifted by `offset` months. */
export function calendarMonth(day: CalendarDay, offset = 0): DayRange {
  const from = addMonths(monthStart(day), offset);
  return { from, to: monthEnd(from) };
}

/** 'YYYY-MM' of every month from the one of `from` to the one of `to`, in order. */
export function monthsBetween(from: CalendarDay, to: CalendarDay): string[] {
  const months: string[] = [];
  for (let month = monthStart(from); month <= to; month = addMonths(month, 1)) months.push(month.slice(0, 7));
  return months;
}

function utcDay(time: number): CalendarDay {
  return new Date(time).toISOString().slice(0, 10);
}
