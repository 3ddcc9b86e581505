import { addMonths, isCalendarDay, monthEnd, monthStart } from '../src/clock/calendar-day.js';

export { addMonths, calendarMonth, monthEnd, monthsBetween, monthStart, type DayRange as MonthRange } from '../src/clock/calendar-day.js';

/**
 * The dashboard's filters as the page's query string carries them (`?period=3m&branch=2`, or
 * `?period=custom&from=2025-01-01&to=2025-03-31`), resolved to calendar days. Shared by the handler
 * and the React page, so both read the URL the same way. Days are 'YYYY-MM-DD' strings on the
 * business clock (src/clock): a date never passes through a local-time Date.
 */
export const PERIODS = ['month', '3m', '12m', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '12m';

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
  if (!from || !to || !isCalendarDay(from) || !isCalendarDay(to)) throw new DashboardFilterError('badDate');
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
