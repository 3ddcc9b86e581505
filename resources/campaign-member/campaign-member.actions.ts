import type { ResourceOptions } from 'adminjs';
import { Customer } from '../../src/models/index.js';
import { recordCampaignConversion, recordCampaignResponse } from '../../src/domain/marketing/record-campaign-response.js';
import { recordWorkflow } from '../workflow/workflow-action.js';

const customerName = async (customerId: number) => (await Customer.findByPk(customerId))?.name ?? '';

/** How a targeted customer reacted: answered the campaign, or bought because of it. */
export const campaignMemberActions: NonNullable<ResourceOptions['actions']> = {
  recordResponse: recordWorkflow({
    icon: 'MessageCircle',
    intro: 'recordResponseIntro',
    submit: 'recordResponseButton',
    fields: [{ name: 'notes', label: 'fieldResponseNotes', type: 'textarea' }],
    isVisible: (params) => ['targeted', 'queued', 'sent', 'failed'].includes(String(params.status)),
    run: async (id, { payload, actor }) => {
      const member = await recordCampaignResponse(actor, id, { notes: payload.value('notes') });
      return { message: 'responseRecorded', options: { customer: await customerName(member.customer_id) } };
    },
  }),

  recordConversion: recordWorkflow({
    icon: 'DollarSign',
    intro: 'recordConversionIntro',
    submit: 'recordConversionButton',
    fields: [
      { name: 'order_id', label: 'fieldConversionOrder', type: 'reference', resourceId: 'sales_orders' },
      { name: 'notes', label: 'fieldResponseNotes', type: 'textarea' },
    ],
    isVisible: (params) => params.status !== 'converted',
    run: async (id, { payload, actor }) => {
      const member = await recordCampaignConversion(actor, id, { orderId: payload.value('order_id'), notes: payload.value('notes') });
      return { message: 'conversionRecorded', options: { customer: await customerName(member.customer_id) } };
    },
  }),
};
