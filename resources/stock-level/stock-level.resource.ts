import type { ResourceWithOptions } from 'adminjs';
import { StockLevel } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { quantity, readOnly, timestamps } from '../shared/presets.js';
import { stockLevelActions } from './stock-level.actions.js';

/** Stock changes only through receive, adjust and transfer, which also write the movement. */
export const createStockLevelResource = (): ResourceWithOptions => ({
  resource: StockLevel,
  options: {
    navigation: navigation.productsAndStock,
    listProperties: ['product_id', 'warehouse_id', 'on_hand', 'reserved', 'updated_at'],
    filterProperties: ['product_id', 'warehouse_id'],
    sort: { sortBy: 'product_id', direction: 'asc' },
    properties: {
      on_hand: { ...readOnly, ...quantity({ reference: 'product_id' }) },
      reserved: { ...readOnly, ...quantity({ reference: 'product_id' }) },
      ...timestamps,
      updated_at: { ...timestamps.updated_at, isVisible: { list: true, filter: true, show: true, edit: false } },
    },
    actions: withBuiltInActions(stockLevelActions, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
