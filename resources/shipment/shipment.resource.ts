import type { ResourceWithOptions } from 'adminjs';
import { Shipment } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, quantity, readOnly, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { shipmentActions } from './shipment.actions.js';

const shown = { ...readOnly, isVisible: { list: false, filter: true, show: true, edit: false } };

/**
 * 发运单: written by the order's ship step, one per batch that left; the conveyance and what
 * arrived are recorded by its actions, so the loss always compares the same two figures.
 */
export const createShipmentResource = (): ResourceWithOptions => ({
  resource: Shipment,
  options: {
    navigation: navigation.sales,
    titleProperty: 'shipment_no',
    listProperties: ['shipment_no', 'order_id', 'product_id', 'batch_id', 'transport_mode', 'loaded_quantity', 'received_quantity', 'loss_within_tolerance', 'status'],
    filterProperties: [
      'shipment_no', 'order_id', 'product_id', 'batch_id', 'warehouse_id', 'transport_mode', 'vehicle_plate', 'railcar_no', 'vessel_name', 'seal_no',
      'status', 'loss_within_tolerance', 'shipped_at', 'received_at',
    ],
    sort: { sortBy: 'shipped_at', direction: 'desc' },
    properties: {
      shipment_no: businessCode,
      loaded_quantity: quantity({ reference: 'product_id' }),
      received_quantity: quantity({ reference: 'product_id' }),
      loss_quantity: { ...quantity({ reference: 'product_id' }), ...shown },
      tolerance_pct: shown,
      loss_within_tolerance: readOnly,
      status: readOnly,
      stock_movement_id: shown,
      notes: textarea,
      ...timestamps,
    },
    // The page in columns, as the related-lists pages are: a shipment has many short fields.
    actions: withBuiltInActions({ show: showWithRelatedLists([]), ...shipmentActions }, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
