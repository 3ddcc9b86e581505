import type { ResourceOptions } from 'adminjs';
import { receiveStock } from '../../src/domain/inventory/receive-stock.js';
import { adjustStock } from '../../src/domain/inventory/adjust-stock.js';
import { transferStock } from '../../src/domain/inventory/transfer-stock.js';
import { listLowStock } from '../../src/domain/inventory/list-low-stock.js';
import { transferTargetsOf } from '../../src/domain/inventory/inventory-lookups.js';
import { recordWorkflow, resourceWorkflow } from '../workflow/workflow-action.js';
import { tableAction } from '../workflow/table-action.js';

/** Receive, adjust and transfer stock, and the list of levels below safety stock. */
export const stockLevelActions: NonNullable<ResourceOptions['actions']> = {
  receiveStock: resourceWorkflow({
    icon: 'PlusSquare',
    intro: 'receiveStockPrompt',
    fields: [
      { name: 'product_id', label: 'formProduct', type: 'reference', resourceId: 'products', required: true },
      { name: 'warehouse_id', label: 'formWarehouse', type: 'reference', resourceId: 'warehouses', required: true },
      { name: 'quantity', label: 'formQuantity', type: 'quantity', required: true },
      { name: 'batch_no', label: 'formBatchNo', type: 'text', required: true },
      { name: 'reference', label: 'formReference', type: 'text' },
    ],
    fieldErrorType: 'businessRule',
    run: async ({ payload, actor, context }) => {
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
          product: received.product.name, quantity: received.quantity, unit: received.product.unit,
          warehouse: received.warehouse.name, batch: received.movement.batch_no ?? '',
        },
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(received.level.id), actionName: 'show' }),
      };
    },
  }),
  adjustStock: recordWorkflow({
    icon: 'Sliders',
    intro: 'adjustStockPrompt',
    fields: [
      { name: 'quantity', label: 'formSignedQuantity', type: 'quantity', required: true },
      { name: 'reason', label: 'formReason', type: 'textarea', required: true },
      { name: 'batch_no', label: 'formBatchNo', type: 'text' },
    ],
    fieldErrorType: 'businessRule',
    run: async (stockLevelId, { payload, actor }) => {
      const adjusted = await adjustStock(
        stockLevelId,
        { quantity: payload.text('quantity'), reason: payload.text('reason'), batchNo: payload.text('batch_no') },
        actor,
      );
      return {
        message: 'stockAdjusted',
        options: { product: adjusted.product.name, quantity: adjusted.quantity, unit: adjusted.product.unit, onHand: adjusted.level.on_hand },
      };
    },
  }),
  transferStock: recordWorkflow({
    icon: 'Repeat',
    intro: 'transferStockPrompt',
    fields: [
      { name: 'to_warehouse_id', label: 'formToWarehouse', type: 'reference', resourceId: 'warehouses', required: true },
      { name: 'quantity', label: 'formQuantity', type: 'quantity', required: true },
      { name: 'reference', label: 'formReference', type: 'text' },
    ],
    offers: { to_warehouse_id: transferTargetsOf },
    fieldErrorType: 'businessRule',
    run: async (stockLevelId, { payload, actor }) => {
      const transferred = await transferStock(
        stockLevelId,
        { toWarehouseId: payload.id('to_warehouse_id'), quantity: payload.text('quantity'), reference: payload.text('reference') },
        actor,
      );
      return {
        message: 'stockTransferred',
        options: {
          product: transferred.product.name, quantity: transferred.quantity, unit: transferred.product.unit,
          from: transferred.fromWarehouse.name, to: transferred.toWarehouse.name,
        },
      };
    },
  }),
  // 低库存预警: available stock below the product's safety stock, worst first, per warehouse if chosen.
  lowStock: tableAction({
    actionType: 'resource',
    icon: 'AlertTriangle',
    table: {
      rowsKey: 'rows',
      empty: 'lowStockNone',
      filter: { name: 'warehouse_id', property: 'warehouse_id', resourceId: 'warehouses', placeholder: 'lowStockAllWarehouses' },
      columns: [
        { key: ['sku', 'product_name'], property: 'product_id', link: { idKey: 'stock_level_id' } },
        { key: 'warehouse_name', property: 'warehouse_id' },
        { key: 'on_hand', property: 'on_hand' },
        { key: 'reserved', property: 'reserved' },
        { key: 'available', label: 'lowStockAvailable' },
        { key: 'safety_stock', label: 'lowStockSafety' },
        { key: 'shortfall', label: 'lowStockShortfall', alarm: true },
      ],
    },
    load: async ({ chosen }) => ({ rows: await listLowStock({ warehouseId: chosen }) }),
  }),
};
