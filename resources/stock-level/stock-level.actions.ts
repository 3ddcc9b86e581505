import type { ResourceOptions } from 'adminjs';
import { receiveStock } from '../../src/domain/inventory/receive-stock.js';
import { adjustStock } from '../../src/domain/inventory/adjust-stock.js';
import { transferStock } from '../../src/domain/inventory/transfer-stock.js';
import { listLowStock } from '../../src/domain/inventory/list-low-stock.js';
import { unitSymbol } from '../../src/domain/inventory/quantity.js';
import { recordWorkflow, resourceWorkflow, WORKFLOW_ACTION_FORM, type WorkflowFormOptions } from '../sales-order/sales-order.components.js';
import { LOW_STOCK_LIST } from './stock-level.components.js';

/** Receive, adjust and transfer stock, and the list of levels below safety stock. */
export const stockLevelActions: NonNullable<ResourceOptions['actions']> = {
  receiveStock: {
    actionType: 'resource',
    icon: 'PlusSquare',
    component: WORKFLOW_ACTION_FORM,
    custom: {
      prompt: 'receiveStockPrompt',
      fields: [
        { name: 'product_id', label: 'formProduct', kind: 'reference', resourceId: 'products', required: true },
        { name: 'warehouse_id', label: 'formWarehouse', kind: 'reference', resourceId: 'warehouses', required: true },
        { name: 'quantity', label: 'formQuantity', kind: 'quantity', required: true },
        { name: 'batch_no', label: 'formBatchNo', kind: 'text', required: true },
        { name: 'reference', label: 'formReference', kind: 'text' },
      ],
    } satisfies WorkflowFormOptions,
    handler: resourceWorkflow(async ({ payload, actor, context }) => {
      const received = await receiveStock(
        {
          productId: payload.id('product_id'),
          warehouseId: payload.id('warehouse_id'),
          quantity: payload.text('quantity'),
          batchNo: payload.text('batch_no'),
          reference: payload.text('reference'),
        },
        actor,
      );
      return {
        message: 'stockReceived',
        options: {
          product: received.product.name, quantity: received.quantity, unit: unitSymbol(received.product.unit),
          warehouse: received.warehouse.name, batch: received.movement.batch_no ?? '',
        },
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(received.level.id), actionName: 'show' }),
      };
    }),
  },
  adjustStock: {
    actionType: 'record',
    icon: 'Sliders',
    component: WORKFLOW_ACTION_FORM,
    custom: {
      prompt: 'adjustStockPrompt',
      fields: [
        { name: 'quantity', label: 'formSignedQuantity', kind: 'quantity', required: true },
        { name: 'reason', label: 'formReason', kind: 'textarea', required: true },
        { name: 'batch_no', label: 'formBatchNo', kind: 'text' },
      ],
    } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (stockLevelId, { payload, actor }) => {
      const adjusted = await adjustStock(
        stockLevelId,
        { quantity: payload.text('quantity'), reason: payload.text('reason'), batchNo: payload.text('batch_no') },
        actor,
      );
      return {
        message: 'stockAdjusted',
        options: { product: adjusted.product.name, quantity: adjusted.quantity, unit: unitSymbol(adjusted.product.unit), onHand: adjusted.level.on_hand },
      };
    }),
  },
  transferStock: {
    actionType: 'record',
    icon: 'Repeat',
    component: WORKFLOW_ACTION_FORM,
    custom: {
      prompt: 'transferStockPrompt',
      fields: [
        { name: 'to_warehouse_id', label: 'formToWarehouse', kind: 'reference', resourceId: 'warehouses', required: true },
        { name: 'quantity', label: 'formQuantity', kind: 'quantity', required: true },
        { name: 'reference', label: 'formReference', kind: 'text' },
      ],
    } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (stockLevelId, { payload, actor }) => {
      const transferred = await transferStock(
        stockLevelId,
        { toWarehouseId: payload.id('to_warehouse_id'), quantity: payload.text('quantity'), reference: payload.text('reference') },
        actor,
      );
      return {
        message: 'stockTransferred',
        options: {
          product: transferred.product.name, quantity: transferred.quantity, unit: unitSymbol(transferred.product.unit),
          from: transferred.fromWarehouse.name, to: transferred.toWarehouse.name,
        },
      };
    }),
  },
  lowStock: {
    actionType: 'resource',
    icon: 'AlertTriangle',
    component: LOW_STOCK_LIST,
    showFilter: false,
    // Read-only: a GET with an optional ?warehouse_id= answers the rows the component shows.
    handler: async (request) => {
      const warehouseId = Number(request.query?.warehouse_id);
      return { rows: await listLowStock({ warehouseId: Number.isSafeInteger(warehouseId) && warehouseId > 0 ? warehouseId : undefined }) };
    },
  },
};
