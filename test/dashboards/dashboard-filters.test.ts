import {
  DashboardFilterError, calendarMonth, filtersToQuery, monthsBetween, parseDashboardFilters,
} from '../../dashboards/dashboard-filters.js';
import { dashboardLinks } from '../../dashboards/dashboard-links.js';

/** Period arithmetic with a fixed clock: month ends, leap years and the turn of the year. */
describe('dashboard filters', () => {
  test('when no period is asked for, then it is the last 12 calendar months up to the end of this one', () => {
    expect(parseDashboardFilters({}, '2026-03-15')).toEqual({ period: '12m', from: '2025-04-01', to: '2026-03-31', branchId: null });
  });

  test('the preset periods are whole calendar months, the current one included', () => {
    expect(parseDashboardFilters({ period: 'month' }, '2024-02-29')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseDashboardFilters({ period: '3m' }, '2026-01-31')).toMatchObject({ from: '2025-11-01', to: '2026-01-31' });
    expect(parseDashboardFilters({ period: '12m', branch: '7' }, '2026-12-01')).toEqual({ period: '12m', from: '2026-01-01', to: '2026-12-31', branchId: 7 });
  });

  test('a custom period keeps its days; nonsense is refused with the reason', () => {
    expect(parseDashboardFilters({ period: 'custom', from: '2025-02-03', to: '2025-02-28' }, '2026-01-01')).toMatchObject({ from: '2025-02-03', to: '2025-02-28' });
    const problem = (query: Record<string, unknown>) => {
      try {
        parseDashboardFilters(query, '2026-01-01');
        return 'accepted';
      } catch (error) {
        return (error as DashboardFilterError).problem;
      }
    };
    expect(problem({ period: 'week' })).toBe('badPeriod');
    expect(problem({ period: 'custom', from: '2025-02-30', to: '2025-03-01' })).toBe('badDate');
    expect(problem({ period: 'custom', from: '2025-03-01' })).toBe('badDate');
    expect(problem({ period: 'custom', from: '2025-03-02', to: '2025-03-01' })).toBe('fromAfterTo');
    expect(problem({ period: 'custom', from: '2015-01-01', to: '2025-03-01' })).toBe('rangeTooLong');
    expect(problem({ branch: '2 OR 1=1' })).toBe('badBranch');
  });

  test('the query string written into the URL reads back as the same filters', () => {
    const custom = { period: 'custom' as const, from: '2025-05-01', to: '2025-07-15', branchId: 3 };
    expect(filtersToQuery(custom)).toBe('period=custom&from=2025-05-01&to=2025-07-15&branch=3');
    expect(parseDashboardFilters(Object.fromEntries(new URLSearchParams(filtersToQuery(custom))), '2026-01-01')).toEqual(custom);
    expect(filtersToQuery({ period: '3m', from: 'ignored', to: 'ignored', branchId: null })).toBe('period=3m');
  });

  test('when months are counted, then they are calendar months of business days', () => {
    expect(calendarMonth('2026-03-31', -1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(calendarMonth('2026-01-10', -1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  test('when a chart links to its list, then the link names the figure and the business days, never an instant of a zone', () => {
    expect(dashboardLinks.customers({ status: 'at_risk', branchId: 2 })).toEqual({ resourceId: 'customers', search: '?filters.status=at_risk&filters.branch_id=2' });
    expect(dashboardLinks.revenueOrdersOfCustomer(5, { from: '2026-01-01', to: '2026-01-31' }).search).toBe(
      '?filters.figure=revenue&filters.customer_id=5&filters.order_date%7E%7Efrom=2026-01-01&filters.order_date%7E%7Eto=2026-01-31',
    );
    expect(new URLSearchParams(dashboardLinks.tickets('complaint', 'new', { from: '2026-01-01', to: '2026-01-31' }, null).search).get('filters.created_at~~to')).toBe('2026-01-31');
  });
});
