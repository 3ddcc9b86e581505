import type { ResourceOptions } from 'adminjs';
import { accessOf } from '../../src/access/authorisation/current-access.js';
import { issuePriceAdjustmentNotice } from '../../src/domain/pricing/issue-price-notice.js';
import { customersReachedByNotice } from '../../src/domain/pricing/notice-reach.js';
import { assertNoticeDraft } from '../../src/domain/pricing/price-edits.js';
import { CHANNEL_OF_CUSTOMER_TYPE } from '../../src/domain/pricing/sales-channel.js';
import { choiceLabel } from '../../src/domain/transfer/transfer-labels.js';
import { recordsOf, ruleBefore } from '../shared/field-refusal.js';
import { recordWorkflow, visibleWhen } from '../workflow/workflow-action.js';
import { tableAction } from '../workflow/table-action.js';

const isDraft = (params: Record<string, unknown>) => params.status === 'draft';
const onlyDraft = ruleBefore(async (_request, context) => {
  for (const record of recordsOf(context)) await assertNoticeDraft(Number(record.id()));
});

/** 调价通知: prepared as a draft with its lines, issued once (发布), then listed with whom it reaches. */
export const priceAdjustmentNoticeActions: NonNullable<ResourceOptions['actions']> = {
  edit: { before: onlyDraft, isVisible: visibleWhen(isDraft) },
  delete: { before: onlyDraft, isVisible: visibleWhen(isDraft) },
  bulkDelete: { before: onlyDraft },

  issue: recordWorkflow({
    icon: 'Send',
    intro: 'issueNoticePrompt',
    submit: 'issueNoticeButton',
    isVisible: isDraft,
    fieldErrorType: 'businessRule',
    run: async (id, { actor }) => {
      const issued = await issuePriceAdjustmentNotice(actor, id);
      return {
        message: 'noticeIssuedNotice',
        options: {
          notice: issued.notice.notice_no,
          from: issued.notice.effective_from,
          versions: issued.versions.map((version) => `${version.listCode} v${version.versionNo}`).join('、'),
          lines: issued.repricedLines,
          orders: issued.repricedOrders,
        },
      };
    },
  }),

  reachedCustomers: tableAction({
    actionType: 'record',
    icon: 'Users',
    table: {
      empty: 'noticeReachesNobody',
      columns: [
        { key: ['code', 'name'], label: 'columnCustomer', link: { resourceId: 'customers', idKey: 'customerId' } },
        { key: 'typeName', label: 'columnCustomerType' },
        { key: 'region', label: 'columnRegion' },
        { key: 'channelName', label: 'columnChannel' },
        { key: 'owner', label: 'columnOwner' },
        { key: ['listCode', 'listName'], label: 'columnPriceList' },
      ],
    },
    load: async ({ context }) => {
      const profile = accessOf(context.currentAdmin)!;
      const { notice, customers } = await customersReachedByNotice(Number(context.record!.id()), profile);
      // Named as the customer list and the price list name them, in the employee's language.
      return {
        summary: { message: notice.status === 'issued' ? 'noticeReachedSummary' : 'noticeWouldReachSummary', options: { notice: notice.notice_no, customers: customers.length } },
        rows: customers.map((customer) => ({
          ...customer,
          typeName: choiceLabel('customers', 'customer_type', customer.customerType, profile.locale),
          region: choiceLabel('customers', 'region', customer.region, profile.locale),
          channelName: choiceLabel('price_lists', 'channel', CHANNEL_OF_CUSTOMER_TYPE[customer.customerType as keyof typeof CHANNEL_OF_CUSTOMER_TYPE], profile.locale),
        })),
      };
    },
  }),
};
