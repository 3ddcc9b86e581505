import AdminJS, { type ActionContext, type ActionHandler, type ActionRequest, type ActionResponse, type ResourceOptions } from 'adminjs';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';
import { saveDraftOrder } from '../../src/domain/sales/save-draft-order.js';
import { quoteOrderLines } from '../../src/domain/sales/quote-order-lines.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { actorOf, refusalNotice } from '../workflow/workflow-action.js';
import { FormPayload } from '../workflow/form-payload.js';
import type { FormField } from '../workflow/workflow-screens.js';
import { linesOf } from './order-lines-payload.js';
import { SalesOrderComponents } from './sales-order.components.js';

/** The one input of the order screen that is no column; declared so the access gate lets it through to new and edit. */
const ORDER_SCREEN_FIELDS: FormField[] = [{ name: 'lines', label: 'orderEntryLines', type: 'text' }];

const builtInEdit = AdminJS.ACTIONS.edit.handler as ActionHandler<ActionResponse>;

/**
 * 新建 and 编辑 of an order are one screen (OrderEntry): header and lines together, saved in one
 * transaction by saveDraftOrder, ending on the order's page. An edit without lines (a confirmed
 * order's delivery date, an API client changing the header) stays AdminJS's own, under the state rules.
 */
export const salesOrderEntryActions: NonNullable<ResourceOptions['actions']> = {
  new: {
    component: SalesOrderComponents.OrderEntry,
    custom: { fields: ORDER_SCREEN_FIELDS },
    handler: async (request, _response, context) => (request.method === 'post' ? saveOrder(null, request, context, 'successfullyCreated') : {}),
  },
  edit: {
    component: SalesOrderComponents.OrderEntry,
    custom: { fields: ORDER_SCREEN_FIELDS },
    handler: async (request, response, context) => {
      if (request.method !== 'post' || request.payload?.lines === undefined || !context.record) return builtInEdit(request, response, context);
      return saveOrder(Number(context.record.id()), request, context, 'successfullyUpdated');
    },
  },
  // What the screen shows while an order is typed: each product's grade, unit, price in force and free stock.
  quoteOrderLines: {
    actionType: 'resource',
    isVisible: false,
    showFilter: false,
    component: false,
    handler: async (request, _response, context) => {
      const query = new FormPayload(request.query);
      try {
        const quote = await quoteOrderLines({
          customerId: query.id('customer_id') ?? null,
          warehouseId: query.id('warehouse_id') ?? null,
          day: query.text('order_date')?.trim() || null,
          productIds: productIdsOf(query.text('products')),
        }, staffDataScope(context.currentAdmin));
        return { quote };
      } catch (error) {
        return { notice: refusalNotice(error), errors: error instanceof BusinessRuleError && error.field ? { [error.field]: { message: error.code } } : {} };
      }
    },
  },
};

async function saveOrder(orderId: number | null, request: ActionRequest, context: ActionContext, message: string): Promise<ActionResponse> {
  const payload = new FormPayload(request.payload);
  try {
    const order = await saveDraftOrder(orderId, {
      customerId: payload.value('customer_id'),
      warehouseId: payload.value('warehouse_id'),
      contractId: payload.value('contract_id'),
      orderDate: payload.value('order_date'),
      deliveryDate: payload.value('delivery_date'),
      shippingMethod: payload.value('shipping_method'),
      notes: payload.value('notes'),
      lines: linesOf(payload),
    }, actorOf(context));
    const saved = await context.resource.findOne(String(order.id), context);
    return {
      record: saved!.toJSON(context.currentAdmin),
      notice: { message, type: 'success' },
      redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(order.id), actionName: 'show' }),
    };
  } catch (error) {
    const notice = refusalNotice(error);
    const field = (error as BusinessRuleError).field;
    return { record: { params: request.payload ?? {}, populated: {}, errors: field ? { [field]: { message: notice.message, type: 'businessRule' } } : {} }, notice };
  }
}

/** `products=3,17`: the ids of the products on the screen; anything else in the list is no product. */
function productIdsOf(text: string | undefined): number[] {
  return (text ?? '').split(',').map(Number).filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
}
