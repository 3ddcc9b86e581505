import type { Transaction } from 'sequelize';
import { Shipment, type SalesOrder, type StockMovement } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { negateQuantity } from '../inventory/quantity.js';
import { conveyanceColumns, type Dispatch } from './dispatch.js';
import { LOSS_TOLERANCE_PCT, transportModeOfOrder } from './transport-modes.js';

/**
 * The transport document of each shipment movement of an order, in the shipping transaction: one
 * per product and batch that left, on the conveyance the warehouse named (or, when it named none
 * yet, as the order said it would travel, to be completed before arrival is recorded).
 */
export async function recordShipments(
  actor: Actor,
  order: SalesOrder,
  movements: StockMovement[],
  dispatch: Dispatch | undefined,
  transaction: Transaction,
): Promise<Shipment[]> {
  const transportMode = dispatch?.transportMode ?? transportModeOfOrder(order.shipping_method);
  const conveyance = conveyanceColumns(transportMode, dispatch?.conveyance ?? null);
  const shipments: Shipment[] = [];
  for (const movement of movements) {
    const shipment = await Shipment.create(
      {
        order_id: order.id,
        product_id: movement.product_id,
        batch_id: movement.batch_id ?? null,
        warehouse_id: movement.warehouse_id,
        stock_movement_id: movement.id,
        transport_mode: transportMode,
        ...conveyance,
        seal_no: dispatch?.sealNo ?? null,
        loaded_quantity: negateQuantity(movement.quantity),
        received_quantity: null,
        tolerance_pct: LOSS_TOLERANCE_PCT[transportMode],
        shipped_at: movement.occurred_at,
        received_at: null,
        shipped_by_id: actor.id,
        received_by_id: null,
        notes: null,
      },
      { transaction },
    );
    await recordAudit(actor, { action: 'shipOrder', resource: 'shipments', recordId: shipment.id, after: shipment.get({ plain: true }) }, transaction);
    shipments.push(shipment);
  }
  return shipments;
}
