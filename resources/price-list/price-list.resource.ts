import type { ResourceWithOptions } from 'adminjs';
import { PriceList } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';

/** A list's page lists its versions, newest first; each version's page lists its prices. */
export const priceListRelatedLists: RelatedList[] = [
  {
    resourceId: 'price_list_versions', label: 'priceListVersions', foreignKey: 'price_list_id',
    params: { sortBy: 'valid_from', direction: 'desc', perPage: '50' },
    columns: ['label', 'version_no', 'valid_from', 'status', 'notice_id', 'published_at'],
  },
];

/** 价格表: one per region and sales channel, with the days it applies. */
export const createPriceListResource = (): ResourceWithOptions => ({
  resource: PriceList,
  options: {
    navigation: navigation.pricing,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'region', 'channel', 'valid_from', 'valid_to'],
    filterProperties: ['code', 'name', 'region', 'channel', 'valid_from', 'valid_to'],
    sort: { sortBy: 'code', direction: 'asc' },
    properties: { code: businessCode, notes: textarea, ...timestamps },
    actions: withBuiltInActions({ show: showWithRelatedLists(priceListRelatedLists) }),
  },
});
