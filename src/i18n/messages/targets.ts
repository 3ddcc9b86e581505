import type { AreaMessages } from './area-messages.js';

/** Sales targets (销售目标): the form's hints. Target against actual is on the dashboard. */
export const targetsMessages: AreaMessages = {
  'zh-CN': {
    targetMonthHint: '目标所属月份',
    targetSubjectHint: '层级为「销售代表」时选员工, 为「团队」时选团队',
    targetBranchHint: '层级为「分公司/网点」时选择; 销售代表和团队的目标自动归入其所属机构',
  },
  en: {
    targetMonthHint: 'The month the target is for',
    targetSubjectHint: 'Choose the employee for a representative target, the team for a team target',
    targetBranchHint: "Choose it for a branch target; a representative's or team's target belongs to their branch",
  },
};

type Names = Record<string, string>;
const values = (property: string, names: Names): Names => Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));

export const targetsResourceTexts = {
  'zh-CN': {
    sales_targets: {
      labels: { sales_targets: '销售目标', ...values('level', { rep: '销售代表', team: '团队', branch: '分公司/网点' }) },
      properties: {
        month: '月份', level: '层级', user_id: '销售代表', team_id: '团队', branch_id: '所属机构', target_tons: '目标销量 (吨)', target_revenue: '目标销售额 (含税)',
        notes: '备注',
      },
    },
  },
  en: {
    sales_targets: {
      labels: { sales_targets: 'Sales targets', ...values('level', { rep: 'Representative', team: 'Team', branch: 'Branch / outlet' }) },
      properties: {
        month: 'Month', level: 'Level', user_id: 'Representative', team_id: 'Team', branch_id: 'Branch', target_tons: 'Target (tons)', target_revenue: 'Target revenue (incl. VAT)',
        notes: 'Notes',
      },
    },
  },
};
