import type { ResourceWithOptions } from 'adminjs';
import { Batch } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { batchActions } from './batch.actions.js';

/** A batch's page: its certificate line by line, its stock per warehouse, and where it was shipped. */
export const batchRelatedLists: RelatedList[] = [
  {
    resourceId: 'coa_lines', label: 'certificateLines', foreignKey: 'batch_id',
    params: { sortBy: 'sort_order', direction: 'asc', perPage: '50' },
    columns: ['property', 'unit', 'spec_min', 'spec_max', 'measured', 'passed', 'test_method'],
  },
  {
    resourceId: 'batch_stocks', label: 'batchStock', foreignKey: 'batch_id',
    params: { sortBy: 'warehouse_id', direction: 'asc', perPage: '20' },
    columns: ['warehouse_id', 'on_hand'],
  },
  {
    resourceId: 'shipments', label: 'batchShipments', foreignKey: 'batch_id',
    params: { sortBy: 'shipped_at', direction: 'desc', perPage: '20' },
    columns: ['shipment_no', 'order_id', 'transport_mode', 'loaded_quantity', 'shipped_at', 'status'],
  },
];

/**
 * 批次: made by the first receipt of a batch number if nobody registered it before; the plant,
 * production date and certificate are entered when the plant's certificate of analysis arrives.
 */
export const createBatchResource = (): ResourceWithOptions => ({
  resource: Batch,
  options: {
    navigation: navigation.productsAndStock,
    titleProperty: 'batch_no',
    listProperties: ['batch_no', 'product_id', 'plant', 'production_date', 'certificate_no', 'quality_status'],
    filterProperties: ['batch_no', 'product_id', 'plant', 'production_date', 'certificate_no', 'quality_status'],
    sort: { sortBy: 'created_at', direction: 'desc' },
    properties: {
      // Judged by PostgreSQL from the certificate's lines.
      quality_status: readOnly,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(batchRelatedLists), ...batchActions }),
  },
});
