import type { Shipment } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { conveyanceColumns, parseDispatch, type DispatchInput } from './dispatch.js';
import { changeShipmentInTransit } from './change-shipment.js';

/**
 * 补录车船信息: names the truck, rail car or vessel and its seal after loading, e.g. for a customer's
 * own truck at a pickup. Only while the shipment is on its way; the mode is the one it left with.
 */
export async function recordConveyance(actor: Actor, shipmentId: number, input: Pick<DispatchInput, 'conveyance' | 'sealNo'>): Promise<Shipment> {
  const dispatch = parseDispatch(input);
  return changeShipmentInTransit(actor, 'recordConveyance', shipmentId, (shipment) => ({
    ...(dispatch.conveyance === null ? {} : conveyanceColumns(shipment.transport_mode, dispatch.conveyance)),
    ...(dispatch.sealNo === null ? {} : { seal_no: dispatch.sealNo }),
  }));
}
