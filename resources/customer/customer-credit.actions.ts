import type { ResourceOptions } from 'adminjs';
import { accessOf } from '../../src/access/authorisation/current-access.js';
import { checkCustomerCreditCode } from '../../src/domain/customers/credit-code-duplicates.js';
import { creditWatchList } from '../../src/domain/credit/credit-watch-list.js';
import { formatYuan } from '../../src/domain/money.js';
import { postedOrCurrent, ruleBefore } from '../shared/field-refusal.js';
import { tableAction } from '../workflow/table-action.js';

/**
 * 统一社会信用代码 on the customer form and API: its check character verified and a code another
 * customer holds refused before anything is written, naming that customer. An edit that leaves the
 * code as it was is not checked again (a code stored before the check existed stays editable).
 */
const checkCreditCode = ruleBefore(async (request, context) => {
  if (!request.payload || !('credit_code' in request.payload)) return;
  const posted = postedOrCurrent(request, context, 'credit_code');
  const current = context.record?.params.credit_code as string | null | undefined;
  if (context.record && (posted ?? '') === (current ?? '')) return;
  const code = await checkCustomerCreditCode(posted, { exceptId: context.record ? Number(context.record.id()) : undefined });
  return { ...request, payload: { ...request.payload, credit_code: code ?? '' } };
});

/** The credit side of customers: the code check on the forms and the watch list of customers near their limit. */
export const customerCreditActions: NonNullable<ResourceOptions['actions']> = {
  new: { before: checkCreditCode },
  edit: { before: checkCreditCode },

  creditWatchList: tableAction({
    actionType: 'resource',
    icon: 'AlertTriangle',
    table: {
      empty: 'creditWatchListEmpty',
      columns: [
        { key: ['code', 'name'], label: 'columnCustomer', link: { resourceId: 'customers', idKey: 'customerId' } },
        { key: 'owner', label: 'columnOwner' },
        { key: 'creditLimit', label: 'columnCreditLimit' },
        { key: 'receivables', label: 'columnReceivables' },
        { key: 'confirmedUnpaid', label: 'columnConfirmedUnpaid' },
        { key: 'exposure', label: 'columnExposure' },
        { key: 'usage', label: 'columnCreditUsage', flag: { when: 'overLimit', label: 'flagOverLimit' } },
      ],
    },
    load: async ({ context }) => {
      const watch = await creditWatchList(accessOf(context.currentAdmin)!);
      const { customers, overLimit } = watch;
      const partial = watch.shown.length < customers;
      return {
        summary: {
          message: partial ? 'creditWatchListSummaryHighest' : 'creditWatchListSummary',
          options: { customers, overLimit, ...(partial ? { shown: watch.shown.length } : {}) },
        },
        rows: watch.shown.map((row) => ({
          ...row,
          creditLimit: formatYuan(row.creditLimit),
          receivables: formatYuan(row.receivables),
          confirmedUnpaid: formatYuan(row.confirmedUnpaid),
          exposure: formatYuan(row.exposure),
          usage: row.usagePct === null ? '—' : `${row.usagePct}%`,
        })),
      };
    },
  }),
};
