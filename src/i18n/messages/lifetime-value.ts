import type { AreaMessages } from './area-messages.js';

/** Customer lifetime value per branch and gas station. */
export const lifetimeValueMessages: AreaMessages = {
  'zh-CN': {
    lifetimeValueNone: '还没有客户终身价值, 请先运行「重新计算等级与流失」',
    lifetimeValueByStationSummary: '{{branches}} 个机构的客户终身价值 = 已实现毛利 + 按下单节奏和流失状态预期的未来毛利',
    columnMarginToDate: '已实现毛利',
    columnExpectedMargin: '预期未来毛利',
    columnLifetimeValue: '客户终身价值',
    columnAverageLifetimeValue: '平均每户',
  },
  en: {
    lifetimeValueNone: 'No lifetime values yet: run "Recompute grades and churn" first',
    lifetimeValueByStationSummary: 'Customer lifetime value of {{branches}} branches = margin to date + margin expected from order rhythm and churn state',
    columnMarginToDate: 'Margin to date',
    columnExpectedMargin: 'Expected margin',
    columnLifetimeValue: 'Lifetime value',
    columnAverageLifetimeValue: 'Per customer',
  },
};
