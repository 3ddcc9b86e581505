import type { ResourceWithOptions } from 'adminjs';
import { FuelCardLimit } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { timestamps } from '../shared/presets.js';

/** 限油品限量: a card with limits buys only these grades, each up to its litres a day. */
export const createFuelCardLimitResource = (): ResourceWithOptions => ({
  resource: FuelCardLimit,
  options: {
    navigation: navigation.gasStations,
    listProperties: ['card_id', 'product_id', 'daily_liters'],
    filterProperties: ['card_id', 'product_id'],
    sort: { sortBy: 'card_id', direction: 'desc' },
    properties: { ...timestamps },
    actions: withBuiltInActions(),
  },
});
