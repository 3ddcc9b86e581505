import type { ResourceWithOptions } from 'adminjs';
import { FuelCardTopUp } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { computedMoney, timestamps } from '../shared/presets.js';

/** 充值记录: written by a master card's top-up action, with the balance it left; never edited. */
export const createFuelCardTopUpResource = (): ResourceWithOptions => ({
  resource: FuelCardTopUp,
  options: {
    navigation: navigation.gasStations,
    listProperties: ['occurred_at', 'card_id', 'customer_id', 'amount', 'payment_method', 'station_id', 'balance_after'],
    filterProperties: ['card_id', 'customer_id', 'station_id', 'payment_method', 'reference', 'occurred_at'],
    sort: { sortBy: 'occurred_at', direction: 'desc' },
    properties: { amount: computedMoney, balance_after: computedMoney, ...timestamps },
    actions: withBuiltInActions({}, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
