import type { Language } from '../../i18n/translate.js';
import { translate } from '../../i18n/translate.js';
import type { TransferColumn } from './transfer-columns.js';
import { businessDayOf, businessMomentText } from '../../clock/business-clock.js';
import { choiceLabel, translatedChoice } from './transfer-labels.js';

/**
 * One value of a row as a file holds it: dates as 2026-11-24, times on the business clock with
 * their zone (2026-11-24 07:30:00 +08:00), money as a plain number with its two decimals, an enum
 * as its label, a yes/no as 是/否, a foreign key as the code of the row it names (looked up
 * beforehand and passed in `references`).
 */
export interface CellContext {
  resourceId: string;
  language: Language;
  references: Map<string, Map<number, string>>;
}

/** A cell of a CSV file: always text. */
export function csvText(column: TransferColumn, value: unknown, context: CellContext): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'decimal':
      return decimalText(value, column.scale);
    case 'integer':
      return String(value);
    case 'date':
      return dayText(value);
    case 'datetime':
      return momentText(value);
    default:
      return guardFormula(displayText(column, value, context));
  }
}

/** A cell of an .xlsx sheet: numbers stay numbers and days stay days, so Excel can sum and sort them. */
export function xlsxValue(column: TransferColumn, value: unknown, context: CellContext): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'decimal':
    case 'integer':
      return Number(value);
    case 'date':
      return excelDate(dayText(value));
    case 'datetime':
      // Excel keeps no zone: the business clock's wall-clock time, the zone in the column's header.
      return excelDate(momentText(value).slice(0, 19));
    default:
      return displayText(column, value, context);
  }
}

/** The Excel number format of a column, so money shows 1234.50 and a day 2026-11-24. */
export function xlsxFormatOf(column: TransferColumn): string | undefined {
  if (column.kind === 'decimal') return column.scale ? `0.${'0'.repeat(column.scale)}` : '0.########';
  if (column.kind === 'date') return 'yyyy-mm-dd';
  if (column.kind === 'datetime') return 'yyyy-mm-dd hh:mm:ss';
  return undefined;
}

function displayText(column: TransferColumn, value: unknown, context: CellContext): string {
  switch (column.kind) {
    case 'boolean': {
      // A yes/no with words of its own (在售/停售, 启用/停用) keeps them; any other is 是/否.
      const yes = value === true || value === 'true';
      return translatedChoice(context.resourceId, column.field, String(yes), context.language) ?? translate(context.language, yes ? 'transferYes' : 'transferNo');
    }
    case 'choice':
      return choiceLabel(context.resourceId, column.field, String(value), context.language);
    case 'reference':
      return context.references.get(column.field)?.get(Number(value)) ?? '';
    case 'structured':
      return Array.isArray(value) ? value.map(String).join(', ') : JSON.stringify(value);
    default:
      return String(value);
  }
}

/** NUMERIC arrives from PostgreSQL as exact text ('500000.00'); it is padded, never rounded through a float. */
function decimalText(value: unknown, scale: number | undefined): string {
  const text = String(value);
  if (scale === undefined || !/^-?\d+(\.\d*)?$/.test(text)) return text;
  const [whole, fraction = ''] = text.split('.');
  return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0').slice(0, scale)}`;
}

/** A DATE column is already '2026-11-24' (see src/db/sequelize.ts); a Date is the business day it falls on. */
function dayText(value: unknown): string {
  if (value instanceof Date) return businessDayOf(value);
  return String(value).slice(0, 10);
}

/** A moment on the business clock, whatever the server's zone, with the zone's offset written after it. */
function momentText(value: unknown): string {
  const moment = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(moment.getTime())) return String(value);
  return businessMomentText(moment);
}

/** Excel has no time zones: the wall-clock text is stored as if it were UTC, which Excel shows unchanged. */
function excelDate(text: string): Date {
  const [day, time = '00:00:00'] = text.split(' ');
  return new Date(`${day}T${time}Z`);
}

/**
 * A text cell starting with = + - @ would be run as a formula when Excel opens the CSV (a planted
 * customer name could launch a command); a leading apostrophe makes Excel show it as text, and
 * the import takes the apostrophe off again.
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
