import type { ResourceWithOptions } from 'adminjs';
import { SalesOrderItem } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { computedMoney, money, quantity, timestamps } from '../shared/presets.js';
import { salesOrderItemPriceActions } from './sales-order-item-price.js';

/**
 * An order line; its amount is a column PostgreSQL computes from quantity, price and discount. Its
 * price comes from the price list in force when there is one.
 */
export const createSalesOrderItemResource = (): ResourceWithOptions => ({
  resource: SalesOrderItem,
  options: {
    navigation: navigation.sales,
    listProperties: ['order_id', 'product_id', 'quantity', 'unit_price', 'discount_pct', 'amount'],
    filterProperties: ['order_id', 'product_id'],
    sort: { sortBy: 'order_id', direction: 'desc' },
    properties: {
      quantity: quantity({ reference: 'product_id' }),
      unit_price: { ...money, isRequired: false, description: 'linePriceHint' },
      // PostgreSQL puts 0 when it is left blank.
      discount_pct: { isRequired: false },
      amount: computedMoney,
      // Set by the server from the price list; shown, never typed.
      price_list_version_id: { isVisible: { list: false, filter: true, show: true, edit: false } },
      ...timestamps,
    },
    actions: withBuiltInActions(salesOrderItemPriceActions),
  },
});
