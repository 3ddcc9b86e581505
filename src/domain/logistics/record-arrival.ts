import type { Shipment } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { parseQuantity } from '../inventory/quantity.js';
import { needsSeal } from './transport-modes.js';
import { changeShipmentInTransit } from './change-shipment.js';

export interface Arrival {
  /** What the customer's weighbridge or tank gauge showed, in the product's unit. */
  receivedQuantity?: unknown;
  /** When it arrived; now when left out. */
  receivedAt?: Date;
}

/**
 * 到货确认: records what arrived. PostgreSQL computes the loss (loaded − received) and whether it
 * stays within the mode's tolerance; a loss beyond it is what the carrier is claimed for. A shipment
 * arrives only on a named conveyance under its seal, so the claim has something to point at.
 */
export async function recordArrival(actor: Actor, shipmentId: number, arrival: Arrival): Promise<Shipment> {
  const received = parseQuantity(arrival.receivedQuantity, 'received_quantity');
  const receivedAt = arrival.receivedAt ?? new Date();
  return changeShipmentInTransit(actor, 'recordArrival', shipmentId, (shipment) => {
    if (!shipment.vehicle_plate && !shipment.railcar_no && !shipment.vessel_name) {
      throw new BusinessRuleError('arrivalNeedsConveyance', { shipment: shipment.shipment_no }, 'received_quantity');
    }
    if (needsSeal(shipment.transport_mode) && !shipment.seal_no) {
      throw new BusinessRuleError('arrivalNeedsSeal', { shipment: shipment.shipment_no }, 'received_quantity');
    }
    if (receivedAt < shipment.shipped_at) throw new BusinessRuleError('arrivalBeforeShipping', { shipment: shipment.shipment_no }, 'received_at');
    return { received_quantity: received, received_at: receivedAt, received_by_id: actor.id, status: 'received' };
  });
}
