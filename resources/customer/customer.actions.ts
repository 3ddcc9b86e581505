import type { ResourceOptions } from 'adminjs';
import { Customer } from '../../src/models/index.js';
import { recomputeCustomerAnalysis } from '../../src/domain/analysis/recompute-customer-analysis.js';
import { churnByBranch } from '../../src/domain/analysis/churn-by-branch.js';
import { recomputeLifetimeValues } from '../../src/domain/analysis/recompute-lifetime-value.js';
import { lifetimeValueByBranch } from '../../src/domain/analysis/lifetime-value-by-branch.js';
import { mergeCustomers } from '../../src/domain/customers/merge-customers.js';
import { queueCustomerEmail } from '../../src/domain/marketing/queue-customer-email.js';
import { recordWorkflow, resourceWorkflow } from '../workflow/workflow-action.js';
import { tableAction } from '../workflow/table-action.js';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';

const notMerged = (params: Record<string, unknown>) => !params.merged_into_id;

/** Customer analysis (grade, RFM, churn; churn per outlet), merging duplicates, and one-off e-mail. */
export const customerActions: NonNullable<ResourceOptions['actions']> = {
  recomputeAnalysis: resourceWorkflow({
    icon: 'RefreshCw',
    intro: 'recomputeAnalysisIntro',
    submit: 'recomputeAnalysisButton',
    run: async ({ scope }) => {
      const counts = await recomputeCustomerAnalysis({ scope });
      // Expected margin follows the churn state the analysis has just set.
      await recomputeLifetimeValues({ scope });
      return {
        message: 'analysisRecomputed',
        options: { analysed: counts.analysed, changed: counts.statusChanged, ...counts.byGrade, ...counts.byStatus },
      };
    },
  }),

  churnByBranch: tableAction({
    actionType: 'resource',
    icon: 'BarChart2',
    table: {
      columns: [
        { key: 'branch_name', label: 'columnBranch', link: { resourceId: 'branches', idKey: 'branch_id' } },
        { key: 'customers', label: 'columnCustomers' },
        { key: 'active', label: 'columnActive' },
        { key: 'at_risk', label: 'columnAtRisk' },
        { key: 'churned', label: 'columnChurned' },
        { key: 'churn_percent', label: 'columnChurnRate' },
        { key: 'revenue_at_risk', label: 'columnRevenueAtRisk' },
      ],
    },
    load: async ({ scope }) => {
      const rows = await churnByBranch(scope);
      return {
        summary: { message: 'churnByBranchSummary', options: { branches: rows.length } },
        rows: rows.map((row) => ({ ...row, churn_percent: row.churn_rate_pct === null ? '—' : `${row.churn_rate_pct}%` })),
      };
    },
  }),

  // 客户终身价值 per branch and gas station, from the values the analysis stored.
  lifetimeValueByStation: tableAction({
    actionType: 'resource',
    icon: 'DollarSign',
    table: {
      columns: [
        { key: 'branch_name', label: 'columnBranch', link: { resourceId: 'branches', idKey: 'branch_id' } },
        { key: 'customers', label: 'columnCustomers' },
        { key: 'margin_to_date', label: 'columnMarginToDate' },
        { key: 'expected_margin', label: 'columnExpectedMargin' },
        { key: 'lifetime_value', label: 'columnLifetimeValue' },
        { key: 'average_lifetime_value', label: 'columnAverageLifetimeValue' },
      ],
      empty: 'lifetimeValueNone',
    },
    load: async ({ context }) => {
      const rows = await lifetimeValueByBranch(staffDataScope(context.currentAdmin));
      return { summary: { message: 'lifetimeValueByStationSummary', options: { branches: rows.length } }, rows };
    },
  }),

  mergeDuplicate: recordWorkflow({
    icon: 'GitMerge',
    variant: 'danger',
    intro: 'mergeDuplicateIntro',
    submit: 'mergeDuplicateButton',
    fields: [{ name: 'duplicate_id', label: 'fieldDuplicateCustomer', type: 'reference', resourceId: 'customers', required: true }],
    isVisible: notMerged,
    run: async (survivorId, { payload, scope }) => {
      const moved = await mergeCustomers(scope, { survivorId, duplicateId: payload.value('duplicate_id') });
      const duplicate = await Customer.findByPk(Number(payload.value('duplicate_id')));
      return { message: 'customersMerged', options: { ...moved, duplicate: duplicate ? `${duplicate.code} ${duplicate.name}` : '' } };
    },
  }),

  sendEmail: recordWorkflow({
    icon: 'Mail',
    intro: 'sendCustomerEmailIntro',
    submit: 'sendCustomerEmailButton',
    fields: [
      { name: 'template_id', label: 'fieldEmailTemplate', type: 'reference', resourceId: 'email_templates', required: true },
      { name: 'contact_id', label: 'fieldEmailContact', type: 'reference', resourceId: 'contacts' },
    ],
    isVisible: notMerged,
    run: async (customerId, { payload, actor }) => {
      const message = await queueCustomerEmail(actor, customerId, { templateId: payload.value('template_id'), contactId: payload.value('contact_id') });
      return { message: 'customerEmailQueued', options: { to: message.to_address } };
    },
  }),
};
