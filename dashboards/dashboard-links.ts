import type { FigureFilter } from '../src/domain/figures/business-figures.js';

/**
 * Where a click on a card or a bar leads: the AdminJS list (resource id = table name) of exactly
 * the rows the figure counts, by the figure's own definition (`filters.figure=revenue`, see
 * src/domain/figures), so the list's count is the number on the chart. Ranges are business days
 * (`filters.order_date~~from=2026-01-01`); on a timestamp column the list reads a day as the whole
 * business day, whatever the browser's time zone.
 */
export interface ListLink {
  resourceId: string;
  search: string;
}

export interface DayRange {
  from: string;
  to: string;
}

type FilterValues = Record<string, string | number | null | undefined>;

function list(resourceId: string, filters: FilterValues): ListLink {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(filters)) {
    if (value !== null && value !== undefined) params.set(`filters.${field}`, String(value));
  }
  return { resourceId, search: `?${params.toString()}` };
}

function days(field: string, range: DayRange): FilterValues {
  return { [`${field}~~from`]: range.from, [`${field}~~to`]: range.to };
}

const figure = (name: FigureFilter) => ({ figure: name });

export const dashboardLinks = {
  /** The orders revenue counts in a range of days. */
  revenueOrders: (range: DayRange, branchId: number | null) => list('sales_orders', { ...figure('revenue'), ...days('order_date', range), branch_id: branchId }),
  revenueOrdersOfCustomer: (customerId: number, range: DayRange) =>
    list('sales_orders', { ...figure('revenue'), customer_id: customerId, ...days('order_date', range) }),
  revenueOrdersOfOwner: (userId: number, range: DayRange, branchId: number | null) =>
    list('sales_orders', { ...figure('revenue'), owner_id: userId, ...days('order_date', range), branch_id: branchId }),
  /** The order lines a category's revenue sums (the category and everything under it). */
  revenueLinesOfCategory: (categoryId: number, range: DayRange, branchId: number | null) =>
    list('sales_order_items', { ...figure('revenue'), category_id: categoryId, ...days('order_date', range), branch_id: branchId }),
  customers: (filters: { status?: string; grade?: string | null; branchId: number | null }) =>
    list('customers', { grade: filters.grade, status: filters.status, branch_id: filters.branchId }),
  opportunities: (stage: string, closedIn: DayRange | null, branchId: number | null) =>
    list('opportunities', { stage, ...(closedIn ? days('closed_at', closedIn) : {}), branch_id: branchId }),
  tickets: (kind: string, status: string, openedIn: DayRange, branchId: number | null) =>
    list('tickets', { kind, status, ...days('created_at', openedIn), branch_id: branchId }),
  openTickets: (branchId: number | null) => list('tickets', { ...figure('open'), branch_id: branchId }),
  overdueTickets: (branchId: number | null) => list('tickets', { ...figure('overdue'), branch_id: branchId }),
  /** The tickets closed with a rating in the period: what the average satisfaction averages. */
  ratedTickets: (closedIn: DayRange, branchId: number | null) => list('tickets', { ...figure('rated'), ...days('closed_at', closedIn), branch_id: branchId }),
  stock: (warehouseId: number) => list('stock_levels', { warehouse_id: warehouseId }),
  campaignMembers: (campaignId: number, status: string) => list('campaign_members', { campaign_id: campaignId, status }),
  contractPlans: (contractId: number) => list('contract_monthly_plans', { contract_id: contractId }),
  customerByCode: (code: string) => list('customers', { code }),
  stationFuellings: (stationId: number, days: DayRange) =>
    list('fuel_card_transactions', { station_id: stationId, 'business_day~~from': days.from, 'business_day~~to': days.to }),
  shipmentsBeyondTolerance: (mode: string, shippedIn: DayRange) =>
    list('shipments', { transport_mode: mode, loss_within_tolerance: 'false', ...days('shipped_at', shippedIn) }),
};
