import type { ResourceWithOptions } from 'adminjs';
import { PriceAdjustmentNotice } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, readOnly, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { priceAdjustmentNoticeActions } from './price-adjustment-notice.actions.js';

/** A notice's page lists its changes, then the versions it made once issued. */
export const priceAdjustmentNoticeRelatedLists: RelatedList[] = [
  {
    resourceId: 'price_adjustment_lines', label: 'noticeLines', foreignKey: 'notice_id',
    params: { sortBy: 'id', direction: 'asc', perPage: '100' },
    columns: ['category_id', 'product_id', 'change_per_unit'],
  },
  {
    resourceId: 'price_list_versions', label: 'noticeVersions', foreignKey: 'notice_id',
    params: { sortBy: 'price_list_id', direction: 'asc', perPage: '50' },
    columns: ['label', 'price_list_id', 'valid_from', 'status'],
  },
];

/** 调价通知: effective day, scope (region and channel; empty is all), reason, and its lines. */
export const createPriceAdjustmentNoticeResource = (): ResourceWithOptions => ({
  resource: PriceAdjustmentNotice,
  options: {
    navigation: navigation.pricing,
    titleProperty: 'display_title',
    listProperties: ['notice_no', 'title', 'effective_from', 'region', 'channel', 'status', 'issued_at'],
    filterProperties: ['notice_no', 'title', 'effective_from', 'region', 'channel', 'status', 'issued_by_id'],
    sort: { sortBy: 'effective_from', direction: 'desc' },
    properties: {
      display_title: { type: 'string', isVisible: false, custom: { titleOf: ['notice_no', 'title'] } },
      notice_no: businessCode,
      region: { description: 'noticeScopeHint' },
      channel: { description: 'noticeScopeHint' },
      reason: textarea,
      status: readOnly,
      issued_at: readOnly,
      issued_by_id: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(priceAdjustmentNoticeRelatedLists), ...priceAdjustmentNoticeActions }),
  },
});
