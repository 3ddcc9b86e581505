import type { Before, ResourceWithOptions } from 'adminjs';
import { FuelCard } from '../../src/models/index.js';
import { normalisePlate } from '../../src/domain/logistics/dispatch.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, computedMoney, money, readOnly, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { fuelCardActions } from './fuel-card.actions.js';

/** A card's page: its sub-cards (of a master), grade limits, top-ups and latest fuellings. */
export const fuelCardRelatedLists: RelatedList[] = [
  {
    resourceId: 'fuel_cards', label: 'subCards', foreignKey: 'master_card_id',
    params: { sortBy: 'vehicle_plate', direction: 'asc', perPage: '50' },
    columns: ['card_no', 'vehicle_plate', 'holder_name', 'daily_amount_limit', 'status'],
  },
  {
    resourceId: 'fuel_card_limits', label: 'gradeLimits', foreignKey: 'card_id',
    params: { sortBy: 'product_id', direction: 'asc', perPage: '20' },
    columns: ['product_id', 'daily_liters'],
  },
  {
    resourceId: 'fuel_card_top_ups', label: 'topUps', foreignKey: 'card_id',
    params: { sortBy: 'occurred_at', direction: 'desc', perPage: '10' },
    columns: ['occurred_at', 'amount', 'payment_method', 'station_id', 'balance_after'],
  },
  {
    resourceId: 'fuel_card_transactions', label: 'fuellings', foreignKey: 'card_id',
    params: { sortBy: 'occurred_at', direction: 'desc', perPage: '10' },
    columns: ['occurred_at', 'station_id', 'product_id', 'liters', 'amount', 'balance_after'],
  },
];

/** A plate typed as "苏a 12345" is stored as registered, 苏A12345, so the database's check and searches find it. */
const registeredPlate: Before = async (request) => {
  const plate: unknown = request.payload?.vehicle_plate;
  if (request.method !== 'post' || typeof plate !== 'string') return request;
  return { ...request, payload: { ...request.payload, vehicle_plate: normalisePlate(plate) } };
};

/**
 * 车队加油卡: issued here (a master for the fleet, then a sub-card per plate); the balance moves only
 * through the top-up and fuelling actions, and a sub-card holds no money of its own.
 */
export const createFuelCardResource = (): ResourceWithOptions => ({
  resource: FuelCard,
  options: {
    navigation: navigation.gasStations,
    titleProperty: 'display_title',
    listProperties: ['card_no', 'customer_id', 'kind', 'vehicle_plate', 'balance', 'status', 'branch_id'],
    filterProperties: ['card_no', 'customer_id', 'kind', 'master_card_id', 'vehicle_plate', 'holder_name', 'status', 'branch_id'],
    sort: { sortBy: 'updated_at', direction: 'desc' },
    properties: {
      // "1000110000000000012 苏A12345": the number on the card, and the vehicle it is for.
      display_title: { type: 'string', isVisible: false, custom: { titleOf: ['card_no', 'vehicle_plate'] } },
      card_no: businessCode,
      balance: computedMoney,
      daily_amount_limit: money,
      status: readOnly,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(fuelCardRelatedLists), new: { before: registeredPlate }, edit: { before: registeredPlate }, ...fuelCardActions }),
  },
});
