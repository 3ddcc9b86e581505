import type { ResourceWithOptions } from 'adminjs';
import { PriceListVersion } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { priceListVersionActions } from './price-list-version.actions.js';

export const priceListVersionRelatedLists: RelatedList[] = [
  {
    resourceId: 'price_list_items', label: 'priceListVersionItems', foreignKey: 'version_id',
    params: { sortBy: 'product_id', direction: 'asc', perPage: '100' },
    columns: ['product_id', 'unit_price', 'price_excl_tax', 'vat_amount', 'vat_rate'],
  },
];

/** 价格版本: numbered by PostgreSQL; made by hand (then published) or by an adjustment notice. */
export const createPriceListVersionResource = (): ResourceWithOptions => ({
  resource: PriceListVersion,
  options: {
    navigation: navigation.pricing,
    titleProperty: 'label',
    listProperties: ['label', 'price_list_id', 'version_no', 'valid_from', 'status', 'notice_id', 'published_at'],
    filterProperties: ['price_list_id', 'version_no', 'valid_from', 'status', 'notice_id'],
    sort: { sortBy: 'valid_from', direction: 'desc' },
    properties: {
      label: readOnly,
      version_no: readOnly,
      status: readOnly,
      notice_id: readOnly,
      based_on_id: readOnly,
      published_at: readOnly,
      published_by_id: readOnly,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(priceListVersionRelatedLists), ...priceListVersionActions }),
  },
});
