import type { ResourceWithOptions } from 'adminjs';
import { StockMovement } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { quantity, textarea, timestamps } from '../shared/presets.js';

/**
 * The stock ledger: written by receive, adjust, transfer and shipping, each with its stock level in
 * one transaction. A movement typed in by hand would not move stock, so none is.
 */
export const createStockMovementResource = (): ResourceWithOptions => ({
  resource: StockMovement,
  options: {
    navigation: navigation.productsAndStock,
    listProperties: ['occurred_at', 'kind', 'product_id', 'warehouse_id', 'quantity', 'batch_no', 'order_id'],
    filterProperties: ['kind', 'product_id', 'warehouse_id', 'batch_no', 'order_id', 'reference', 'performed_by_id', 'occurred_at'],
    sort: { sortBy: 'occurred_at', direction: 'desc' },
    properties: {
      quantity: quantity({ reference: 'product_id' }),
      reason: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({}, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
