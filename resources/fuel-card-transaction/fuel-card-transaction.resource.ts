import type { ResourceWithOptions } from 'adminjs';
import { FuelCardTransaction } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { computedMoney, timestamps } from '../shared/presets.js';
import { fuelCardTransactionActions } from './fuel-card-transaction.actions.js';

/** 加油记录: written by a card's fuelling action, each with the balance it left; never edited. */
export const createFuelCardTransactionResource = (): ResourceWithOptions => ({
  resource: FuelCardTransaction,
  options: {
    navigation: navigation.gasStations,
    listProperties: ['occurred_at', 'card_id', 'vehicle_plate', 'station_id', 'product_id', 'liters', 'amount', 'balance_after'],
    filterProperties: ['card_id', 'master_card_id', 'customer_id', 'station_id', 'product_id', 'vehicle_plate', 'business_day', 'occurred_at'],
    sort: { sortBy: 'occurred_at', direction: 'desc' },
    properties: { unit_price: computedMoney, amount: computedMoney, balance_after: computedMoney, ...timestamps },
    actions: withBuiltInActions(fuelCardTransactionActions, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
