import type { ResourceOptions } from 'adminjs';
import { confirmOrder } from '../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../src/domain/sales/ship-order.js';
import { deliverOrder } from '../../src/domain/sales/deliver-order.js';
import { closeOrder } from '../../src/domain/sales/close-order.js';
import { cancelOrder } from '../../src/domain/sales/cancel-order.js';
import { amendConfirmedOrder } from '../../src/domain/sales/amend-confirmed-order.js';
import type { QuantitySummary } from '../../src/domain/inventory/quantity.js';
import { TRANSPORT_MODES } from '../../src/models/shipment.model.js';
import { recordWorkflow, type Outcome } from '../workflow/workflow-action.js';
import { linesOf } from './order-lines-payload.js';
import { SalesOrderComponents } from './sales-order.components.js';

/** An order's status decides which step its page offers; the domain refuses the others anyway. */
const whenStatus = (...statuses: string[]) => (params: Record<string, unknown>) => statuses.includes(String(params.status));

/** "已发货 3 行, 共 58.000 吨", with the non-weight units listed after the tons when there are any. */
function quantityNotice(message: string, order: string, summary: QuantitySummary): Outcome {
  return {
    message: summary.otherUnits ? `${message}WithOtherUnits` : message,
    options: { order, lines: summary.lines, tons: summary.tons, otherUnits: summary.otherUnits },
  };
}

/**
 * The steps of an order: confirm → ship → deliver → close, or cancel before it ships; a confirmed
 * order's lines are corrected by an amendment, which moves the reservation with them. The action
 * names are the ones the permission matrix grants (src/access/default-permissions.ts).
 */
export const salesOrderActions: NonNullable<ResourceOptions['actions']> = {
  confirm: recordWorkflow({
    icon: 'CheckCircle',
    intro: 'confirmOrderPrompt',
    isVisible: whenStatus('draft'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { actor }) => {
      const { order, summary } = await confirmOrder(orderId, actor);
      return quantityNotice('orderConfirmed', order.order_no, summary);
    },
  }),
  ship: recordWorkflow({
    icon: 'Truck',
    intro: 'shipOrderPrompt',
    // How and on what the goods leave; left blank, as the order says, the conveyance to be named before arrival.
    fields: [
      { name: 'transport_mode', label: 'fieldTransportMode', type: 'select', options: TRANSPORT_MODES.map((mode) => ({ value: mode, label: `transportMode_${mode}` })) },
      { name: 'conveyance', label: 'fieldConveyance', type: 'text' },
      { name: 'seal_no', label: 'fieldSealNo', type: 'text' },
    ],
    isVisible: whenStatus('confirmed'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { payload, actor }) => {
      const dispatch = { transportMode: payload.text('transport_mode'), conveyance: payload.text('conveyance'), sealNo: payload.text('seal_no') };
      const { order, summary } = await shipOrder(orderId, actor, dispatch);
      return quantityNotice('orderShipped', order.order_no, summary);
    },
  }),
  deliver: recordWorkflow({
    icon: 'Home',
    intro: 'deliverOrderPrompt',
    isVisible: whenStatus('shipped'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { actor }) => ({ message: 'orderDelivered', options: { order: (await deliverOrder(orderId, actor)).order_no } }),
  }),
  close: recordWorkflow({
    icon: 'Archive',
    intro: 'closeOrderPrompt',
    isVisible: whenStatus('delivered'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { actor }) => ({ message: 'orderClosed', options: { order: (await closeOrder(orderId, actor)).order_no } }),
  }),
  amend: {
    ...recordWorkflow({
      icon: 'Edit3',
      intro: 'amendOrderIntro',
      // Drawn by AmendOrder; declared so the access gate lets exactly these through (the lines as one JSON text).
      fields: [
        { name: 'reason', label: 'amendReason', type: 'textarea', required: true },
        { name: 'lines', label: 'amendLines', type: 'text', required: true },
      ],
      isVisible: whenStatus('confirmed'),
      fieldErrorType: 'businessRule',
      run: async (orderId, { payload, actor }) => {
        const { order, summary } = await amendConfirmedOrder(orderId, { lines: linesOf(payload), reason: payload.value('reason') }, actor);
        return quantityNotice('orderAmended', order.order_no, summary);
      },
    }),
    component: SalesOrderComponents.AmendOrder,
  },
  cancel: recordWorkflow({
    icon: 'XCircle',
    variant: 'danger',
    intro: 'cancelOrderPrompt',
    fields: [{ name: 'cancel_reason', label: 'formCancelReason', type: 'textarea', required: true }],
    isVisible: whenStatus('draft', 'confirmed'),
    fieldErrorType: 'businessRule',
    run: async (orderId, { payload, actor }) => {
      const { order, released } = await cancelOrder(orderId, payload.text('cancel_reason'), actor);
      return released ? quantityNotice('orderCancelledReleased', order.order_no, released) : { message: 'orderCancelled', options: { order: order.order_no } };
    },
  }),
};
