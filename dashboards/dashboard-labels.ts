import type { FilterProblem, Period } from './dashboard-filters.js';
import { resourcesZhCN, type ResourceTexts } from '../src/i18n/resources.zh-cn.js';
import { resourcesEn } from '../src/i18n/resources.en.js';
import type { CUSTOMER_STATUSES } from '../src/models/customer.model.js';
import type { OPPORTUNITY_STAGES } from '../src/models/opportunity.model.js';
import type { TICKET_KINDS, TICKET_STATUSES } from '../src/models/ticket.model.js';
import type { BRANCH_KINDS } from '../src/models/branch.model.js';
import type { CAMPAIGN_MEMBER_STATUSES } from '../src/models/campaign-member.model.js';

/**
 * The names the lists and filters give a column's values (src/i18n/resources.*.ts), so a chart's
 * legend says exactly what the list it opens says.
 */
function valueNames<T extends string>(texts: ResourceTexts, property: string): Record<T, string> {
  const prefix = `${property}.`;
  return Object.fromEntries(
    Object.entries(texts.labels).filter(([key]) => key.startsWith(prefix)).map(([key, name]) => [key.slice(prefix.length), name]),
  ) as Record<T, string>;
}

/**
 * Every text of the statistics page, in Simplified Chinese (the default) and English. The page picks
 * by the panel's language; the handler by the employee's locale for its few messages. Kept here
 * rather than in src/i18n because the page is bundled for the browser and must not pull the server in.
 */
type Values<List extends readonly string[]> = Record<List[number], string>;

export interface DashboardLabels {
  title: string;
  scope: Record<'all' | 'branch' | 'team' | 'own', string>;
  filters: {
    period: string;
    periods: Record<Period, string>;
    from: string;
    to: string;
    apply: string;
    branch: string;
    allBranches: string;
    range: (from: string, to: string) => string;
  };
  kpis: {
    revenueThisMonth: string;
    versusLastMonth: (lastMonth: string) => string;
    noComparison: string;
    ordersThisMonth: string;
    openTickets: string;
    overdueTickets: string;
    overdueHint: string;
    customersAtRisk: string;
    customersAtRiskHint: string;
    averageSatisfaction: string;
    ratedTickets: (count: number) => string;
    ordersHint: string;
    openTicketsHint: string;
  };
  charts: {
    monthlyRevenue: string;
    revenueByCategory: string;
    topCustomers: string;
    customerMix: string;
    churnByBranch: string;
    funnel: string;
    tickets: string;
    stock: string;
    revenueByRep: string;
    revenueByTeam: string;
    campaigns: string;
  };
  axes: {
    revenue: string;
    month: string;
    customers: string;
    churnRate: string;
    opportunities: string;
    amount: string;
    weightedAmount: string;
    tickets: string;
    resolutionHours: string;
    tons: string;
    onHand: string;
    safetyStock: string;
    members: string;
    grade: string;
  };
  tooltips: {
    orders: (count: number) => string;
    churned: (churned: number, customers: number) => string;
    belowSafety: (below: number, products: number) => string;
    conversion: (pct: string) => string;
    resolved: (count: number) => string;
  };
  units: { tenThousandYuan: string; tons: string; hours: string; percent: string; pieces: string };
  customerStatus: Values<typeof CUSTOMER_STATUSES>;
  ungraded: string;
  grade: (grade: string) => string;
  stage: Values<typeof OPPORTUNITY_STAGES>;
  ticketKind: Values<typeof TICKET_KINDS>;
  ticketStatus: Values<typeof TICKET_STATUSES>;
  branchKind: Values<typeof BRANCH_KINDS>;
  memberStatus: Values<typeof CAMPAIGN_MEMBER_STATUSES>;
  unassigned: string;
  noTeam: string;
  empty: string;
  emptyPage: string;
  /** Before the list of figures left out because the role may not list their rows. */
  refused: string;
  /** The figures that are not charts, by their name in DashboardData.refused. */
  refusedCards: Record<'revenueCards' | 'ticketCards' | 'customerCards' | 'branches', string>;
  loading: string;
  failed: string;
  clickHint: string;
  filterProblems: Record<FilterProblem | 'notLoggedIn', string>;
}

const zhCN: DashboardLabels = {
  title: '统计分析',
  scope: { all: '全公司数据', branch: '本分公司（含下属网点）数据', team: '本团队数据', own: '本人负责的数据' },
  filters: {
    period: '期间',
    periods: { month: '本月', '3m': '近 3 个月', '12m': '近 12 个月', custom: '自定义' },
    from: '开始日期',
    to: '结束日期',
    apply: '查询',
    branch: '分公司/网点',
    allBranches: '全部',
    range: (from, to) => `${from} 至 ${to}`,
  },
  kpis: {
    revenueThisMonth: '本月销售额',
    versusLastMonth: (lastMonth) => `上月 ${lastMonth}`,
    noComparison: '上月无销售',
    ordersThisMonth: '本月订单数',
    ordersHint: '已确认及之后状态的订单',
    openTickets: '未结工单',
    openTicketsHint: '新建、已分派、处理中、已升级',
    overdueTickets: '超时工单',
    overdueHint: '未结且已过 SLA 时限',
    customersAtRisk: '风险客户',
    customersAtRiskHint: '状态为“流失风险”',
    averageSatisfaction: '平均满意度',
    ratedTickets: (count) => `期间内关闭的 ${count} 张已评分工单（满分 5）`,
  },
  charts: {
    monthlyRevenue: '月度销售额（按产品大类）',
    revenueByCategory: '各产品类别销售额',
    topCustomers: '客户价值前 10 名（销售额）',
    customerMix: '客户等级与状态分布',
    churnByBranch: '各分公司/网点客户流失率',
    funnel: '销售漏斗（商机数与加权金额）',
    tickets: '服务工单（类型 × 状态）与平均解决时长',
    stock: '各仓库库存与安全库存',
    revenueByRep: '销售代表业绩',
    revenueByTeam: '销售团队业绩',
    campaigns: '营销活动转化',
  },
  axes: {
    revenue: '销售额（万元）',
    month: '月份',
    customers: '客户数（家）',
    churnRate: '流失率（%）',
    opportunities: '商机数（个）',
    amount: '商机金额（万元）',
    weightedAmount: '加权金额（万元）',
    tickets: '工单数（张）',
    resolutionHours: '平均解决时长（小时）',
    tons: '数量（吨）',
    onHand: '现有库存',
    safetyStock: '安全库存',
    members: '活动成员（家）',
    grade: '客户等级',
  },
  tooltips: {
    orders: (count) => `${count} 笔订单`,
    churned: (churned, customers) => `流失 ${churned} / 共 ${customers} 家`,
    belowSafety: (below, products) => `${below} / ${products} 个品种低于安全库存`,
    conversion: (pct) => `转化率 ${pct}%`,
    resolved: (count) => `已解决 ${count} 张`,
  },
  units: { tenThousandYuan: '万元', tons: '吨', hours: '小时', percent: '%', pieces: '张' },
  customerStatus: valueNames(resourcesZhCN.customers, 'status'),
  ungraded: '未分级',
  grade: (grade) => `${grade} 类`,
  stage: valueNames(resourcesZhCN.opportunities, 'stage'),
  ticketKind: valueNames(resourcesZhCN.tickets, 'kind'),
  ticketStatus: valueNames(resourcesZhCN.tickets, 'status'),
  branchKind: valueNames(resourcesZhCN.branches, 'kind'),
  memberStatus: valueNames(resourcesZhCN.campaign_members, 'status'),
  unassigned: '未分配',
  noTeam: '未分组',
  empty: '所选期间暂无数据',
  emptyPage: '所选范围内还没有业务数据。请换一个期间或分公司，或先录入客户、订单和工单。',
  refused: '您的角色无权查看相应列表，以下统计未显示：',
  refusedCards: { revenueCards: '销售额与订单指标', ticketCards: '工单指标', customerCards: '风险客户指标', branches: '分公司筛选' },
  loading: '正在统计…',
  failed: '统计数据加载失败，请稍后重试。',
  clickHint: '点击图形可打开对应的明细列表',
  filterProblems: {
    badPeriod: '期间只能是本月、近 3 个月、近 12 个月或自定义。',
    badDate: '请填写有效的开始日期和结束日期（YYYY-MM-DD）。',
    fromAfterTo: '开始日期不能晚于结束日期。',
    rangeTooLong: '自定义期间最长 5 年。',
    badBranch: '分公司参数无效。',
    notLoggedIn: '请先登录。',
  },
};

const en: DashboardLabels = {
  title: 'Statistics',
  scope: { all: 'Whole company', branch: 'Your branch and its outlets', team: 'Your team', own: 'Your own records' },
  filters: {
    period: 'Period',
    periods: { month: 'This month', '3m': 'Last 3 months', '12m': 'Last 12 months', custom: 'Custom' },
    from: 'From',
    to: 'To',
    apply: 'Apply',
    branch: 'Branch / outlet',
    allBranches: 'All',
    range: (from, to) => `${from} to ${to}`,
  },
  kpis: {
    revenueThisMonth: 'Revenue this month',
    versusLastMonth: (lastMonth) => `last month ${lastMonth}`,
    noComparison: 'no revenue last month',
    ordersThisMonth: 'Orders this month',
    ordersHint: 'confirmed or further along',
    openTickets: 'Open tickets',
    openTicketsHint: 'new, assigned, in progress, escalated',
    overdueTickets: 'Overdue tickets',
    overdueHint: 'open and past their SLA',
    customersAtRisk: 'Customers at risk',
    customersAtRiskHint: 'status "at risk"',
    averageSatisfaction: 'Average satisfaction',
    ratedTickets: (count) => `${count} rated tickets closed in the period (out of 5)`,
  },
  charts: {
    monthlyRevenue: 'Monthly revenue by product category',
    revenueByCategory: 'Revenue by category',
    topCustomers: 'Top 10 customers by revenue',
    customerMix: 'Customers by grade and status',
    churnByBranch: 'Churn rate per branch / outlet',
    funnel: 'Opportunity funnel (count and weighted amount)',
    tickets: 'Tickets by type and status, average resolution time',
    stock: 'Stock against safety stock per warehouse',
    revenueByRep: 'Revenue per sales representative',
    revenueByTeam: 'Revenue per team',
    campaigns: 'Campaign conversion',
  },
  axes: {
    revenue: 'Revenue (10k CNY)',
    month: 'Month',
    customers: 'Customers',
    churnRate: 'Churn rate (%)',
    opportunities: 'Opportunities',
    amount: 'Amount (10k CNY)',
    weightedAmount: 'Weighted amount (10k CNY)',
    tickets: 'Tickets',
    resolutionHours: 'Avg. resolution (hours)',
    tons: 'Quantity (tons)',
    onHand: 'On hand',
    safetyStock: 'Safety stock',
    members: 'Members',
    grade: 'Grade',
  },
  tooltips: {
    orders: (count) => `${count} orders`,
    churned: (churned, customers) => `${churned} churned of ${customers}`,
    belowSafety: (below, products) => `${below} of ${products} products below safety stock`,
    conversion: (pct) => `conversion ${pct}%`,
    resolved: (count) => `${count} resolved`,
  },
  units: { tenThousandYuan: '10k CNY', tons: 't', hours: 'h', percent: '%', pieces: '' },
  customerStatus: valueNames(resourcesEn.customers, 'status'),
  ungraded: 'Not graded',
  grade: (grade) => `Grade ${grade}`,
  stage: valueNames(resourcesEn.opportunities, 'stage'),
  ticketKind: valueNames(resourcesEn.tickets, 'kind'),
  ticketStatus: valueNames(resourcesEn.tickets, 'status'),
  branchKind: valueNames(resourcesEn.branches, 'kind'),
  memberStatus: valueNames(resourcesEn.campaign_members, 'status'),
  unassigned: 'Unassigned',
  noTeam: 'No team',
  empty: 'No data in the selected period',
  emptyPage: 'Nothing recorded in this selection yet. Pick another period or branch, or enter customers, orders and tickets first.',
  refused: 'Your role may not list the rows behind these figures, so they are not shown: ',
  refusedCards: { revenueCards: 'revenue and order cards', ticketCards: 'ticket cards', customerCards: 'customers at risk', branches: 'the branch filter' },
  loading: 'Computing…',
  failed: 'The statistics could not be loaded. Please try again.',
  clickHint: 'Click a bar to open the matching list',
  filterProblems: {
    badPeriod: 'The period must be this month, the last 3 or 12 months, or custom.',
    badDate: 'Enter a valid start and end date (YYYY-MM-DD).',
    fromAfterTo: 'The start date cannot be after the end date.',
    rangeTooLong: 'A custom period can be at most 5 years long.',
    badBranch: 'The branch is not valid.',
    notLoggedIn: 'Please log in.',
  },
};

export function dashboardLabels(language: string | undefined): DashboardLabels {
  return language?.toLowerCase().startsWith('en') ? en : zhCN;
}

export function filterProblemMessage(problem: FilterProblem | 'notLoggedIn', language: string | undefined): string {
  return dashboardLabels(language).filterProblems[problem];
}
