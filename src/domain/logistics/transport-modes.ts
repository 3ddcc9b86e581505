import type { SHIPPING_METHODS } from '../../models/sales-order.model.js';
import type { TransportMode } from '../../models/shipment.model.js';

/**
 * The transport loss a shipment may show before it is a claim (定额损耗率), in percent of what was
 * loaded: tank trucks lose to breathing and the film left on the walls, rail cars and ships more
 * over longer trips; bagged goods lose only broken bags.
 */
export const LOSS_TOLERANCE_PCT: Record<TransportMode, string> = {
  tank_truck: '0.100',
  rail_tank_car: '0.200',
  ship: '0.300',
  bagged_truck: '0.050',
};

/** How the order said it would travel; a pickup (客户自提) leaves on the customer's own truck, a tanker unless told otherwise. */
const MODE_OF_SHIPPING_METHOD: Record<(typeof SHIPPING_METHODS)[number], TransportMode> = {
  tank_truck: 'tank_truck',
  rail: 'rail_tank_car',
  ship: 'ship',
  bagged_truck: 'bagged_truck',
  pickup: 'tank_truck',
};

export function transportModeOfOrder(shippingMethod: (typeof SHIPPING_METHODS)[number] | null): TransportMode {
  return MODE_OF_SHIPPING_METHOD[shippingMethod ?? 'tank_truck'];
}

/** Which column names a conveyance of this mode: a plate on the road, a car number on rail, a vessel on water. */
export function conveyanceColumn(mode: TransportMode): 'vehicle_plate' | 'railcar_no' | 'vessel_name' {
  return mode === 'rail_tank_car' ? 'railcar_no' : mode === 'ship' ? 'vessel_name' : 'vehicle_plate';
}

/** Tankers, rail cars and ships are sealed at loading; a bagged truck is counted, not sealed. */
export function needsSeal(mode: TransportMode): boolean {
  return mode !== 'bagged_truck';
}
