import { BusinessRuleError } from '../errors/business-rule-error.js';
import { isCalendarDay, type CalendarDay } from '../clock/calendar-day.js';

/** A day typed into a form; 2026-02-30 is refused, not moved to March. Which day is today: src/clock/business-clock.ts. */
export function parseCalendarDay(input: unknown, field: string): CalendarDay {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') throw new BusinessRuleError('fieldRequired', {}, field);
  if (!isCalendarDay(text)) throw new BusinessRuleError('dayInvalid', { value: text }, field);
  return text;
}
