import { isCalendarDay } from '../clock/calendar-day.js';
import { businessTimeOn } from '../clock/business-clock.js';

/**
 * What a typed value must look like to be stored as it was typed. Nothing is rounded or moved:
 * 2026-02-30 is not a day (JavaScript and some drivers silently make it 2 March), 12.345 is not an
 * amount of money (NUMERIC(14,2) would silently store 12.35). Each check answers a message key
 * (src/i18n) or undefined when the value is fine.
 */

const DECIMAL_TEXT = /^[+-]?(\d+)(?:\.(\d*))?$|^[+-]?\.(\d+)$/;
const INSTANT_TEXT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A calendar day as 'YYYY-MM-DD', and one that exists. */
export function dayProblem(text: string): string | undefined {
  return isCalendarDay(text) ? undefined : 'notADate';
}

/**
 * An instant written as a day with an optional time and offset. Without an offset it is a wall-clock
 * time on the business clock; a bare day is its start. Undefined when the text names no real moment
 * (2026-02-30, 24:10).
 */
export function instantOf(text: string): Date | undefined {
  const match = INSTANT_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, day, hours = '00', minutes = '00', seconds = '00', offset] = match;
  if (!isCalendarDay(day) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const instant = offset ? new Date(text.trim().replace(' ', 'T')) : businessTimeOn(day, `${hours}:${minutes}`);
  if (Number.isNaN(instant.getTime())) return undefined;
  return offset ? instant : new Date(instant.getTime() + Number(seconds) * 1000);
}

export function instantProblem(text: string): string | undefined {
  return instantOf(text) ? undefined : 'notADate';
}

/**
 * A decimal for NUMERIC(precision, scale): digits, at most `scale` of them after the point (trailing
 * zeros aside: 12.340 is 12.34), and no more before it than the column holds.
 */
export function decimalProblem(text: string, precision: number | undefined, scale: number | undefined): string | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return 'notANumber';
  const whole = (match[1] ?? '').replace(/^0+/, '');
  const fraction = (match[2] ?? match[3] ?? '').replace(/0+$/, '');
  if (scale !== undefined && fraction.length > scale) return decimalsMessage(scale);
  if (precision !== undefined && whole.length > precision - (scale ?? 0)) return 'valueOutOfRange';
  return undefined;
}

function decimalsMessage(scale: number): string {
  if (scale === 0) return 'notAnInteger';
  if (scale === 2) return 'atMostTwoDecimals';
  if (scale === 3) return 'atMostThreeDecimals';
  return 'tooManyDecimals';
}
