import type { ActionContext, ResourceOptions } from 'adminjs';
import { contractLifting, type ContractMonthLifting } from '../../src/domain/contracts/contract-lifting.js';
import { generateMonthlyPlans } from '../../src/domain/contracts/generate-monthly-plans.js';
import { businessToday } from '../../src/clock/business-clock.js';
import { translate } from '../../src/i18n/translate.js';
import { recordWorkflow } from '../workflow/workflow-action.js';
import { tableAction } from '../workflow/table-action.js';
import type { Column } from '../workflow/workflow-screens.js';
import { languageOf } from '../workflow/caller-language.js';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';

/** Months the overview looks back over, this one included. */
const OVERVIEW_MONTHS = 6;

const LIFTING_COLUMNS: Column[] = [
  { key: 'month_label', label: 'columnLiftingMonth', flag: { when: 'behind', label: 'liftingBehind' } },
  { key: 'unit_name', label: 'columnUnit' },
  { key: 'min_quantity', label: 'columnMinQuantity' },
  { key: 'planned_quantity', label: 'columnPlannedQuantity' },
  { key: 'max_quantity', label: 'columnMaxQuantity' },
  { key: 'lifted_quantity', label: 'columnLiftedQuantity', flag: { when: 'over', label: 'liftingOver' } },
  { key: 'shortfall', label: 'columnShortfall', flag: { when: 'under', label: 'liftingUnder' } },
];

/** A lifting row as the table shows it: flags for the badges, the unit in the reader's language. */
function shownRow(row: ContractMonthLifting, context: ActionContext) {
  return {
    ...row,
    month_label: row.month.slice(0, 7),
    unit_name: translate(languageOf(context), `unitName_${row.unit}`),
    under: row.status === 'under',
    behind: row.status === 'behind',
    over: row.status === 'over',
  };
}

function monthsBack(today: string, months: number): string {
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - (months - 1), 1));
  return start.toISOString().slice(0, 10);
}

/** A contract's monthly plans, and the screens of planned against lifted. */
export const contractActions: NonNullable<ResourceOptions['actions']> = {
  generateMonthlyPlans: recordWorkflow({
    icon: 'Calendar',
    intro: 'generateMonthlyPlansIntro',
    submit: 'generateMonthlyPlansButton',
    isVisible: (params) => params.status === 'draft' || params.status === 'active',
    run: async (contractId, { actor }) => {
      const { contract, created, months } = await generateMonthlyPlans(actor, contractId);
      return { message: 'monthlyPlansGenerated', options: { contract: contract.contract_no, created, months } };
    },
  }),

  // 计划 vs 实提 of one contract, every month of its period.
  liftingProgress: tableAction({
    actionType: 'record',
    icon: 'BarChart',
    table: { columns: LIFTING_COLUMNS, empty: 'liftingNone' },
    load: async ({ context }) => {
      const contract = context.record!.params as { id: number; start_date: string; end_date: string; contract_no: string };
      const rows = await contractLifting({
        scope: staffDataScope(context.currentAdmin), contractId: Number(contract.id), from: contract.start_date, to: contract.end_date, today: businessToday(),
      });
      const under = rows.filter((row) => row.status === 'under').length;
      return {
        summary: { message: under > 0 ? 'liftingProgressUnder' : 'liftingProgressSummary', options: { contract: contract.contract_no, months: rows.length, under } },
        rows: rows.map((row) => shownRow(row, context)),
      };
    },
  }),

  // 合同执行: every contract the employee reaches, month by month over the last half year.
  liftingOverview: tableAction({
    actionType: 'resource',
    icon: 'TrendingDown',
    table: {
      columns: [
        { key: ['contract_no', 'contract_title'], label: 'columnContract', link: { idKey: 'contract_id' } },
        { key: 'customer_name', label: 'columnCustomerName', link: { resourceId: 'customers', idKey: 'customer_id' } },
        ...LIFTING_COLUMNS,
      ],
      empty: 'liftingNone',
    },
    load: async ({ context }) => {
      const today = businessToday();
      const rows = await contractLifting({ scope: staffDataScope(context.currentAdmin), from: monthsBack(today, OVERVIEW_MONTHS), to: today, today });
      const under = rows.filter((row) => row.status === 'under');
      return {
        summary: { message: 'liftingOverviewSummary', options: { months: OVERVIEW_MONTHS, contracts: new Set(rows.map((row) => row.contract_id)).size, under: under.length } },
        // Under-lifted months first: they are what the account manager must chase.
        rows: [...under, ...rows.filter((row) => row.status !== 'under')].map((row) => shownRow(row, context)),
      };
    },
  }),
};
