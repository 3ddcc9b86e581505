import type { ResourceWithOptions } from 'adminjs';
import { BatchStock } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { timestamps } from '../shared/presets.js';

/** 批次库存: kept by PostgreSQL from the stock ledger, so nobody types it. */
export const createBatchStockResource = (): ResourceWithOptions => ({
  resource: BatchStock,
  options: {
    navigation: navigation.productsAndStock,
    listProperties: ['batch_id', 'warehouse_id', 'on_hand', 'updated_at'],
    filterProperties: ['batch_id', 'warehouse_id', 'on_hand'],
    sort: { sortBy: 'updated_at', direction: 'desc' },
    properties: { ...timestamps },
    actions: withBuiltInActions({}, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
