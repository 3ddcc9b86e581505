import type { DashboardFilters, MonthRange } from './dashboard-filters.js';
import type { DashboardScope } from './dashboard-scope.js';
import type { PetroleumFigures } from './petroleum-data.js';

/**
 * What GET /admin/api/dashboard answers: every figure as PostgreSQL computed it. Money is a decimal
 * string in yuan with two decimals ('1234567.80') and tons a decimal string with three, so nothing
 * is rounded on the way; the page converts to 万元 only to draw. Rows come in display order.
 */
export type Money = string;
export type Tons = string;

export interface DashboardData {
  filters: DashboardFilters;
  /** Whose figures these are: the whole company, a branch with its outlets, or one employee's own. */
  scope: DashboardScope['kind'];
  today: string;
  /** The branches the branch filter offers. */
  branches: BranchOption[];
  kpis: Kpis;
  monthlyRevenue: { months: string[]; rows: MonthlyCategoryRevenue[] };
  revenueByCategory: CategoryRevenue[];
  topCustomers: CustomerRevenue[];
  customerMix: CustomerMixRow[];
  churnByBranch: BranchChurn[];
  funnel: FunnelStage[];
  tickets: { byKindAndStatus: TicketCount[]; resolution: TicketResolution[] };
  stock: WarehouseStock[];
  revenueByRep: RepRevenue[];
  revenueByTeam: TeamRevenue[];
  campaigns: CampaignConversion[];
  petroleum: PetroleumFigures;
}

export interface BranchOption {
  id: number;
  code: string;
  name: string;
  kind: string;
}

/** Cards that describe now (calendar months, open tickets), except satisfaction, which follows the period. */
export interface Kpis {
  thisMonth: MonthRange;
  lastMonth: MonthRange;
  revenueThisMonth: Money;
  revenueLastMonth: Money;
  /** One decimal; null when last month had no revenue to compare with. */
  revenueChangePct: string | null;
  ordersThisMonth: number;
  openTickets: number;
  overdueTickets: number;
  customersAtRisk: number;
  /** Two decimals on the 1–5 scale; null when no ticket closed in the period was rated. */
  averageSatisfaction: string | null;
  ratedTickets: number;
}

export interface MonthlyCategoryRevenue {
  month: string;
  categoryId: number;
  categoryName: string;
  revenue: Money;
}

export interface CategoryRevenue {
  categoryId: number;
  categoryName: string;
  /** The top-level category it sits under; null for a top-level category itself. */
  parentName: string | null;
  revenue: Money;
}

export interface CustomerRevenue {
  customerId: number;
  customerName: string;
  revenue: Money;
  orders: number;
}

export interface CustomerMixRow {
  grade: string | null;
  status: string;
  customers: number;
}

export interface BranchChurn {
  branchId: number;
  branchName: string;
  branchKind: string;
  customers: number;
  churned: number;
  /** Percent with one decimal. */
  churnRatePct: string;
}

export interface FunnelStage {
  stage: string;
  opportunities: number;
  amount: Money;
  /** Σ amount × probability ÷ 100. */
  weightedAmount: Money;
}

export interface TicketCount {
  kind: string;
  status: string;
  tickets: number;
}

export interface TicketResolution {
  kind: string;
  resolvedTickets: number;
  /** One decimal; null when none of the kind was resolved. */
  averageResolutionHours: string | null;
}

export interface WarehouseStock {
  warehouseId: number;
  warehouseName: string;
  /** Stock levels (product lines) held. */
  products: number;
  /** Products whose stock here is under their safety stock, whatever their unit. */
  belowSafety: number;
  /** Sums over the products kept in tons only: tons and liters do not add up. */
  onHandTons: Tons;
  safetyStockTons: Tons;
}

export interface RepRevenue {
  /** null for orders nobody owns. */
  userId: number | null;
  userName: string | null;
  revenue: Money;
  orders: number;
}

export interface TeamRevenue {
  /** null for orders whose owner is in no team, or that nobody owns. */
  teamId: number | null;
  teamName: string | null;
  revenue: Money;
}

/** Members by the furthest step they reached: targeted → sent → responded → converted. */
export interface CampaignConversion {
  campaignId: number;
  campaignName: string;
  members: number;
  targeted: number;
  sent: number;
  responded: number;
  converted: number;
  /** converted ÷ members, percent with one decimal. */
  conversionRatePct: string;
}

export interface DashboardError {
  error: { problem: string; message: string };
}
