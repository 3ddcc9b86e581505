import { BusinessRuleError } from '../errors/business-rule-error.js';

/**
 * The company's calendar: Beijing time decides which day it is, whatever the server's own zone
 * (PostgreSQL's current_date is UTC here, yesterday until 08:00 in Beijing). Days are 'YYYY-MM-DD'
 * strings end to end, never a Date that a time zone could shift.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export function businessToday(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A day typed into a form; 2026-02-30 is refused, not moved to March. */
export function parseCalendarDay(input: unknown, field: string): string {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') throw new BusinessRuleError('fieldRequired', {}, field);
  if (!isCalendarDay(text)) throw new BusinessRuleError('dayInvalid', { value: text }, field);
  return text;
}

/** The day before a calendar day. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
