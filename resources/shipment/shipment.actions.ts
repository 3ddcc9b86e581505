import type { ResourceOptions } from 'adminjs';
import { recordArrival } from '../../src/domain/logistics/record-arrival.js';
import { recordConveyance } from '../../src/domain/logistics/record-conveyance.js';
import { Product } from '../../src/models/index.js';
import { translate } from '../../src/i18n/translate.js';
import { recordWorkflow } from '../workflow/workflow-action.js';
import { languageOf } from '../workflow/caller-language.js';

const inTransit = (params: Record<string, unknown>) => params.status === 'in_transit';

/** A shipment on its way: name its conveyance and seal, then record what arrived. */
export const shipmentActions: NonNullable<ResourceOptions['actions']> = {
  recordConveyance: recordWorkflow({
    icon: 'Truck',
    intro: 'recordConveyanceIntro',
    submit: 'recordConveyanceButton',
    fields: [
      { name: 'conveyance', label: 'fieldConveyance', type: 'text' },
      { name: 'seal_no', label: 'fieldSealNo', type: 'text' },
    ],
    isVisible: inTransit,
    fieldErrorType: 'businessRule',
    run: async (shipmentId, { payload, actor }) => {
      const shipment = await recordConveyance(actor, shipmentId, { conveyance: payload.text('conveyance'), sealNo: payload.text('seal_no') });
      return { message: 'conveyanceRecorded', options: { shipment: shipment.shipment_no } };
    },
  }),

  recordArrival: recordWorkflow({
    icon: 'CheckSquare',
    intro: 'recordArrivalIntro',
    submit: 'recordArrivalButton',
    fields: [{ name: 'received_quantity', label: 'fieldReceivedQuantity', type: 'quantity', required: true }],
    isVisible: inTransit,
    fieldErrorType: 'businessRule',
    run: async (shipmentId, { payload, actor, context }) => {
      const shipment = await recordArrival(actor, shipmentId, { receivedQuantity: payload.text('received_quantity') });
      const product = await Product.findByPk(shipment.product_id, { rejectOnEmpty: true });
      const unit = translate(languageOf(context), `unitName_${product.unit}`);
      const options = { shipment: shipment.shipment_no, loss: shipment.loss_quantity ?? '0', unit, tolerance: shipment.tolerance_pct };
      return { message: shipment.loss_within_tolerance ? 'arrivalRecorded' : 'arrivalRecordedOverTolerance', options };
    },
  }),
};
