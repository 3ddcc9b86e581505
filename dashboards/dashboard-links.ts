import { BUSINESS_TIME_ZONE_OFFSET } from './dashboard-filters.js';

/**
 * Where a click on a card or a bar leads: an AdminJS list (resource id = table name) with the
 * filters its query string can carry (`filters.status=at_risk`, `filters.order_date~~from=…`).
 * Only what a list filter can express is linked; AdminJS filters one value per field, so an order
 * list shows every status of the orders of that day range, and open tickets have no link at all.
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

function orderDays(range: DayRange): FilterValues {
  return { 'order_date~~from': range.from, 'order_date~~to': range.to };
}

/** A timestamptz column between two business days, both included. */
function instants(field: string, range: DayRange): FilterValues {
  return {
    [`${field}~~from`]: `${range.from}T00:00:00${BUSINESS_TIME_ZONE_OFFSET}`,
    [`${field}~~to`]: `${range.to}T23:59:59.999${BUSINESS_TIME_ZONE_OFFSET}`,
  };
}

export const dashboardLinks = {
  orders: (range: DayRange, branchId: number | null) => list('sales_orders', { ...orderDays(range), branch_id: branchId }),
  ordersOfCustomer: (customerId: number, range: DayRange) => list('sales_orders', { customer_id: customerId, ...orderDays(range) }),
  ordersOfOwner: (userId: number, range: DayRange, branchId: number | null) =>
    list('sales_orders', { owner_id: userId, ...orderDays(range), branch_id: branchId }),
  customers: (filters: { status?: string; grade?: string | null; branchId: number | null }) =>
    list('customers', { grade: filters.grade, status: filters.status, branch_id: filters.branchId }),
  opportunities: (stage: string, closedIn: DayRange | null, branchId: number | null) =>
    list('opportunities', { stage, ...(closedIn ? instants('closed_at', closedIn) : {}), branch_id: branchId }),
  tickets: (kind: string, status: string, openedIn: DayRange, branchId: number | null) =>
    list('tickets', { kind, status, ...instants('created_at', openedIn), branch_id: branchId }),
  ticketsClosed: (closedIn: DayRange, branchId: number | null) => list('tickets', { ...instants('closed_at', closedIn), branch_id: branchId }),
  stock: (warehouseId: number) => list('stock_levels', { warehouse_id: warehouseId }),
  campaignMembers: (campaignId: number, status: string) => list('campaign_members', { campaign_id: campaignId, status }),
  contractPlans: (contractId: number) => list('contract_monthly_plans', { contract_id: contractId }),
  customerByCode: (code: string) => list('customers', { code }),
  stationFuellings: (stationId: number, days: DayRange) =>
    list('fuel_card_transactions', { station_id: stationId, 'business_day~~from': days.from, 'business_day~~to': days.to }),
  shipmentsBeyondTolerance: (mode: string, shippedIn: DayRange) =>
    list('shipments', { transport_mode: mode, loss_within_tolerance: 'false', ...instants('shipped_at', shippedIn) }),
};
