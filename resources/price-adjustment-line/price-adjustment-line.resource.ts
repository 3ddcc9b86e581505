import type { ResourceWithOptions } from 'adminjs';
import { PriceAdjustmentLine } from '../../src/models/index.js';
import { assertNoticeDraft } from '../../src/domain/pricing/price-edits.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { recordsOf, ruleBefore } from '../shared/field-refusal.js';
import { timestamps } from '../shared/presets.js';

/** Lines are written while their notices (the ones left and the one chosen) are drafts. */
const onlyDraftNotices = ruleBefore(async (request, context) => {
  const notices = [...recordsOf(context).map((record) => record.params.notice_id as unknown), request.payload?.notice_id];
  for (const noticeId of new Set(notices.map((id) => Number(id)))) if (Number.isSafeInteger(noticeId) && noticeId > 0) await assertNoticeDraft(noticeId);
});

/** 调价明细: a product, or a category and everything under it, up (+) or down (−) per unit. */
export const createPriceAdjustmentLineResource = (): ResourceWithOptions => ({
  resource: PriceAdjustmentLine,
  options: {
    navigation: navigation.pricing,
    listProperties: ['notice_id', 'category_id', 'product_id', 'change_per_unit'],
    filterProperties: ['notice_id', 'category_id', 'product_id'],
    sort: { sortBy: 'notice_id', direction: 'desc' },
    properties: {
      change_per_unit: { description: 'changePerUnitHint' },
      ...timestamps,
    },
    actions: withBuiltInActions({
      new: { before: onlyDraftNotices },
      edit: { before: onlyDraftNotices },
      delete: { before: onlyDraftNotices },
      bulkDelete: { before: onlyDraftNotices },
    }),
  },
});
