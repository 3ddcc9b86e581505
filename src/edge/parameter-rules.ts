import { z } from 'zod';
import { fitsInteger, type ColumnShape } from '../db/column-shapes.js';

/**
 * The building blocks of the route schemas: one query parameter each, as express hands it over
 * (a string, or an array when the parameter was repeated). A refusal is a zod issue whose message
 * is the key of a translated text (src/i18n/messages/requests.ts) and whose params fill it in.
 */
export type QueryValue = string | string[] | undefined;

/** Longest text a filter, a search or an unknown parameter may carry; nothing the panel sends is longer. */
export const MAX_TEXT = 500;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function refuse(ctx: z.RefinementCtx, code: string, params: Record<string, string | number> = {}): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: code, params });
  return z.NEVER;
}

/** One value, given once, without the NUL character PostgreSQL cannot store. */
export function single(param: string, max = MAX_TEXT) {
  return z.union([z.string(), z.array(z.string())]).transform((value, ctx): string => {
    if (Array.isArray(value)) return refuse(ctx, 'requestRepeated', { param });
    if (value.includes('\u0000')) return refuse(ctx, 'requestNulCharacter', { param });
    if ([...value].length > max) return refuse(ctx, 'requestTooLong', { param, max });
    return value;
  });
}

export function wholeNumber(param: string, min: number, max: number) {
  return single(param).transform((value, ctx): number => {
    if (!/^\d{1,15}$/.test(value)) return refuse(ctx, 'requestNotWholeNumber', { param });
    const number = Number(value);
    if (number < min || number > max) return refuse(ctx, 'requestOutOfRange', { param, min, max });
    return number;
  });
}

export function choice<T extends string>(param: string, choices: readonly T[]) {
  return single(param).transform((value, ctx): T => {
    if (!(choices as readonly string[]).includes(value)) return refuse(ctx, 'requestNotAChoice', { param, choices: choices.join(', ') });
    return value as T;
  });
}

/** A calendar day that exists: 2026-02-30 is refused, never moved to March. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  return match !== null && dayExists(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A day, or a moment on a day (with or without seconds and offset), each part in its range. */
export function isDayOrInstant(text: string): boolean {
  if (isDay(text)) return true;
  const match = INSTANT.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return dayExists(year, month, day) && hour <= 23 && minute <= 59 && (Number.isNaN(second) || second <= 59);
}

function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether `value` is something the column can be compared with; the refusal's key when not. */
export function filterValueProblem(shape: ColumnShape | undefined, value: string, asRange: boolean): string | undefined {
  switch (shape?.kind) {
    case 'int32':
    case 'int64':
      if (!/^[+-]?\d+$/.test(value)) return 'requestNotWholeNumber';
      return fitsInteger(value, shape.kind) ? undefined : 'requestOutOfRange';
    case 'decimal':
      return NUMERIC.test(value) && value.length <= 40 ? undefined : 'requestNotANumber';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'requestNotABoolean';
    case 'date':
    case 'datetime':
      return isDayOrInstant(value) ? undefined : 'requestNotADate';
    case 'text':
      return shape.choices && !asRange && !shape.choices.includes(value) ? 'requestNotAChoice' : undefined;
    default:
      return undefined;
  }
}

/** A range (`~~from`, `~~to`) means something only on numbers and dates. */
export function allowsRange(shape: ColumnShape | undefined): boolean {
  return shape !== undefined && ['int32', 'int64', 'decimal', 'date', 'datetime'].includes(shape.kind);
}
