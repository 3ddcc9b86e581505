import type { ResourceOptions } from 'adminjs';
import { accessOf } from '../../src/access/authorisation/current-access.js';
import { receivablesAging, type AgingGrouping, type AgingRow } from '../../src/domain/credit/receivables-aging.js';
import { formatYuan, fromFen, toFen } from '../../src/domain/money.js';
import type { Column } from '../workflow/workflow-screens.js';
import { tableAction, type TableInput } from '../workflow/table-action.js';

const AMOUNTS = ['days0to30', 'days31to60', 'days61to90', 'over90', 'total'] as const;

const HEADING: Record<AgingGrouping, Column> = {
  customer: { key: 'name', label: 'columnCustomer', link: { resourceId: 'customers', idKey: 'id' } },
  branch: { key: 'name', label: 'columnBranch', link: { resourceId: 'branches', idKey: 'id' } },
  owner: { key: 'name', label: 'columnRepresentative' },
};

/**
 * 应收账龄 per customer, branch or representative: the receivables of the orders the employee may
 * see, by days since shipping, with the total over all rows first.
 */
function agingTable(grouping: AgingGrouping) {
  return tableAction({
    actionType: 'resource',
    icon: 'Clock',
    table: {
      empty: 'agingEmpty',
      columns: [
        HEADING[grouping],
        { key: 'days0to30', label: 'columnDays0to30' },
        { key: 'days31to60', label: 'columnDays31to60' },
        { key: 'days61to90', label: 'columnDays61to90' },
        { key: 'over90', label: 'columnOver90', flag: { when: 'overdue', label: 'flagOverdue' } },
        { key: 'total', label: 'columnReceivablesTotal' },
      ],
    },
    load: async ({ context }: TableInput) => {
      const rows = await receivablesAging(grouping, { profile: accessOf(context.currentAdmin)! });
      const total = (key: (typeof AMOUNTS)[number]) => formatYuan(fromFen(rows.reduce((sum, row) => sum + toFen(row[key]), 0n)));
      return {
        summary: { message: 'agingSummary', options: { rows: rows.length, total: total('total'), over90: total('over90') } },
        rows: rows.map((row: AgingRow) => ({
          ...row,
          name: row.name ?? '—',
          overdue: toFen(row.over90) > 0n,
          ...Object.fromEntries(AMOUNTS.map((key) => [key, formatYuan(row[key])])),
        })),
      };
    },
  });
}

export const paymentActions: NonNullable<ResourceOptions['actions']> = {
  agingByCustomer: agingTable('customer'),
  agingByBranch: agingTable('branch'),
  agingByRepresentative: agingTable('owner'),
};
