import type { DashboardFilters, MonthRange } from './dashboard-filters.js';
import type { DashboardScope, DashboardSection } from './dashboard-scope.js';
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
  /** Figures over tables the role may not list: left empty (zero on the cards), and named here. */
  refused: DashboardSection[];
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
  /** Credit control: receivables by age per branch, and the customers near or over their limit (as of today). */
  receivablesAging: BranchAging[];
  creditWatch: CreditWatch;
  /** Sales targets of the period's months against actual revenue and tons. */
  targets: TargetProgress[];
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
  /** The customers the churn rate divides by: current ones who ever bought (src/domain/figures). */
  customers: number;
  churned: number;
  /** churned ÷ customers, percent with one decimal. */
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

/** Members by where they stand: targeted → queued → sent or failed (their e-mail) → responded → converted. */
export interface CampaignConversion {
  campaignId: number;
  campaignName: string;
  members: number;
  targeted: number;
  queued: number;
  sent: number;
  failed: number;
  responded: number;
  converted: number;
  /** converted ÷ members, percent with one decimal. */
  conversionRatePct: string;
}

/** Owed on shipped orders of one branch, by days since shipping. */
export interface BranchAging {
  branchId: number;
  branchName: string;
  days0to30: Money;
  days31to60: Money;
  days61to90: Money;
  over90: Money;
  total: Money;
}

/** Customers using 90 % or more of their credit limit. */
export interface CreditWatch {
  customers: number;
  overLimit: number;
  /** The highest uses first; a customer without credit that owes anything comes before all. */
  top: Array<{ customerId: number; customerName: string; creditLimit: Money; exposure: Money; usagePct: string | null }>;
}

/** One representative's, team's or branch's targets over the period's months, against what they sold. */
export interface TargetProgress {
  level: 'rep' | 'team' | 'branch';
  subjectId: number;
  subjectName: string;
  /** Months with a target in the period. */
  months: number;
  targetRevenue: Money;
  actualRevenue: Money;
  targetTons: Tons;
  actualTons: Tons;
}

export interface DashboardError {
  error: { problem: string; message: string };
}
