import type { Transaction } from 'sequelize';
import { Shipment } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

type ShipmentChange = Partial<Pick<Shipment, 'vehicle_plate' | 'railcar_no' | 'vessel_name' | 'seal_no' | 'received_quantity' | 'received_at' | 'received_by_id' | 'status'>>;

/**
 * One step on a shipment still on its way, in one transaction: lock it, refuse once it has arrived
 * (what arrived is then a fact for the loss claim), let `change` validate and say what changes,
 * save and audit.
 */
export async function changeShipmentInTransit(
  actor: Actor,
  action: string,
  shipmentId: number,
  change: (shipment: Shipment, transaction: Transaction) => ShipmentChange,
): Promise<Shipment> {
  return Shipment.sequelize!.transaction(async (transaction) => {
    const shipment = await Shipment.findByPk(shipmentId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!shipment) throw new BusinessRuleError('shipmentNotFound', { id: shipmentId });
    if (shipment.status !== 'in_transit') throw new BusinessRuleError('shipmentAlreadyReceived', { shipment: shipment.shipment_no });
    const before = shipment.get({ plain: true, clone: true });
    await shipment.update(change(shipment, transaction), { transaction });
    // The loss and its verdict are computed by PostgreSQL.
    await shipment.reload({ transaction });
    await recordAudit(actor, { action, resource: 'shipments', recordId: shipment.id, before, after: shipment.get({ plain: true, clone: true }) }, transaction);
    return shipment;
  });
}
