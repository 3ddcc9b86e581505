/**
 * The texts of the dashboard's credit and target panels, Simplified Chinese first and English. Kept
 * apart from dashboard-labels.ts so each area owns its words; bundled for the browser like it.
 */
export interface CreditTargetLabels {
  aging: { title: string; note: string; buckets: [string, string, string, string]; axis: string };
  watch: { title: string; summary: (customers: number, overLimit: number) => string; usage: string; noCredit: string; exposure: string; empty: string };
  targets: { title: string; note: (from: string, to: string) => string; target: string; actual: string; completion: (pct: string) => string; tons: (actual: string, target: string) => string; levels: Record<'rep' | 'team' | 'branch', string>; axis: string; empty: string };
}

const zhCN: CreditTargetLabels = {
  aging: { title: '应收账款账龄（按分公司/网点）', note: '截至今天，按发货日期计算', buckets: ['0–30 天', '31–60 天', '61–90 天', '90 天以上'], axis: '应收账款（万元）' },
  watch: {
    title: '信用预警客户',
    summary: (customers, overLimit) => `${customers} 家客户信用占用达额度 90% 以上，其中 ${overLimit} 家已超额度`,
    usage: '额度使用率',
    noCredit: '无信用额度',
    exposure: '信用占用',
    empty: '没有客户的信用占用达到额度的 90%',
  },
  targets: {
    title: '销售目标完成情况（销售额）',
    note: (from, to) => `${from} 至 ${to} 各月目标合计`,
    target: '目标',
    actual: '实际',
    completion: (pct) => `完成率 ${pct}%`,
    tons: (actual, target) => `销量 ${actual} / ${target} 吨`,
    levels: { branch: '分公司', team: '团队', rep: '代表' },
    axis: '销售额（万元）',
    empty: '所选期间没有设定销售目标',
  },
};

const en: CreditTargetLabels = {
  aging: { title: 'Receivables aging per branch / outlet', note: 'as of today, from the shipping day', buckets: ['0–30 days', '31–60 days', '61–90 days', 'over 90 days'], axis: 'Receivables (10k CNY)' },
  watch: {
    title: 'Credit watch list',
    summary: (customers, overLimit) => `${customers} customers use 90 % or more of their credit limit, ${overLimit} are over it`,
    usage: 'Limit used',
    noCredit: 'no credit line',
    exposure: 'Credit in use',
    empty: 'No customer uses 90 % of its credit limit',
  },
  targets: {
    title: 'Sales targets against actual (revenue)',
    note: (from, to) => `targets of the months ${from} to ${to}`,
    target: 'Target',
    actual: 'Actual',
    completion: (pct) => `${pct}% achieved`,
    tons: (actual, target) => `${actual} of ${target} t sold`,
    levels: { branch: 'Branch', team: 'Team', rep: 'Rep' },
    axis: 'Revenue (10k CNY)',
    empty: 'No sales target is set for the period',
  },
};

export function creditTargetLabels(language: string | undefined): CreditTargetLabels {
  return language?.toLowerCase().startsWith('en') ? en : zhCN;
}
