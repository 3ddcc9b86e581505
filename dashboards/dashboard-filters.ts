/**
 * The dashboard's filters as the page's query string carries them (`?period=3m&branch=2`, or
 * `?period=custom&from=2025-01-01&to=2025-03-31`), resolved to calendar days. Shared by the handler
 * and the React page, so both read the URL the same way. Days are 'YYYY-MM-DD' strings in the
 * company's time zone: a date never passes through a local-time Date.
 */
export const PERIODS = ['month', '3m', '12m', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '12m';

/** The company sells in mainland China: "this month" starts at midnight Beijing time, wherever the server runs. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
/** Its offset from UTC, for instants in list-filter URLs; China keeps no daylight saving time. */
export const BUSINESS_TIME_ZONE_OFFSET = '+08:00';

/** A custom range longer than this is a typo more often than a question. */
const LONGEST_RANGE_MONTHS = 60;

export interface DashboardFilters {
  period: Period;
  /** First day of the period. */
  from: string;
  /** Last day of the period, included. */
  to: string;
  branchId: number | null;
}

export type FilterProblem = 'badPeriod' | 'badDate' | 'fromAfterTo' | 'rangeTooLong' | 'badBranch';

export class DashboardFilterError extends Error {
  constructor(readonly problem: FilterProblem) {
    super(`invalid dashboard filter: ${problem}`);
  }
}

export type FilterQuery = Record<string, unknown>;

export function parseDashboardFilters(query: FilterQuery, today: string): DashboardFilters {
  const period = (text(query.period) ?? DEFAULT_PERIOD) as Period;
  if (!PERIODS.includes(period)) throw new DashboardFilterError('badPeriod');
  const branchId = parseBranch(text(query.branch));
  if (period !== 'custom') return { period, ...presetRange(period, today), branchId };

  const from = text(query.from);
  const to = text(query.to);
  if (!from || !to || !isDay(from) || !isDay(to)) throw new DashboardFilterError('badDate');
  if (from > to) throw new DashboardFilterError('fromAfterTo');
  if (addMonths(monthStart(from), LONGEST_RANGE_MONTHS) <= to) throw new DashboardFilterError('rangeTooLong');
  return { period, from, to, branchId };
}

/** The query string that reproduces the filters; the page writes it into its URL. */
export function filtersToQuery(filters: Pick<DashboardFilters, 'period' | 'from' | 'to' | 'branchId'>): string {
  const params = new URLSearchParams({ period: filters.period });
  if (filters.period === 'custom') {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  if (filters.branchId !== null) params.set('branch', String(filters.branchId));
  return params.toString();
}

/** The calendar months the period covers: the current one, or the last 3 or 12 including it. */
function presetRange(period: Exclude<Period, 'custom'>, today: string): { from: string; to: string } {
  const months = { month: 1, '3m': 3, '12m': 12 }[period];
  const thisMonth = monthStart(today);
  return { from: addMonths(thisMonth, 1 - months), to: monthEnd(today) };
}

export interface MonthRange {
  from: string;
  to: string;
}

/** The calendar month of `day`, shifted by `offset` months. */
export function calendarMonth(day: string, offset = 0): MonthRange {
  const from = addMonths(monthStart(day), offset);
  return { from, to: monthEnd(from) };
}

/** 'YYYY-MM' of every month from the one of `from` to the one of `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthStart(from); month <= to; month = addMonths(month, 1)) months.push(month.slice(0, 7));
  return months;
}

/** Today's date where the company is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: string): string {
  const next = new Date(`${addMonths(monthStart(day), 1)}T00:00:00Z`);
  next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Moves the first day of a month by whole months; only called with first days, so no day overflows. */
export function addMonths(firstDay: string, months: number): string {
  const date = new Date(`${firstDay}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parseBranch(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,9}$/.test(value)) throw new DashboardFilterError('badBranch');
  return Number(value);
}

/** Express hands a repeated parameter over as an array; the first one counts. */
function text(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
}
