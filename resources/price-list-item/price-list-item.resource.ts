import type { ResourceWithOptions } from 'adminjs';
import { PriceListItem } from '../../src/models/index.js';
import { assertPriceVersionDraft } from '../../src/domain/pricing/price-edits.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { recordsOf, ruleBefore } from '../shared/field-refusal.js';
import { computedMoney, money, timestamps } from '../shared/presets.js';
import { PriceListItemComponents } from './price-list-item.components.js';

/** Prices are entered in a draft version only: the versions being left and the one chosen. */
const onlyDraftVersions = ruleBefore(async (request, context) => {
  const versions = [...recordsOf(context).map((record) => record.params.version_id as unknown), request.payload?.version_id];
  for (const versionId of new Set(versions.map((id) => Number(id)))) if (Number.isSafeInteger(versionId) && versionId > 0) await assertPriceVersionDraft(versionId);
});

/** 价格明细: the price per unit with VAT (含税价); without VAT and the 13 % VAT are computed by PostgreSQL. */
export const createPriceListItemResource = (): ResourceWithOptions => ({
  resource: PriceListItem,
  options: {
    navigation: navigation.pricing,
    listProperties: ['version_id', 'product_id', 'unit_price', 'price_excl_tax', 'vat_amount', 'vat_rate'],
    filterProperties: ['version_id', 'product_id'],
    sort: { sortBy: 'version_id', direction: 'desc' },
    properties: {
      unit_price: money,
      vat_rate: { description: 'vatRateHint', isRequired: false, components: { list: PriceListItemComponents.RateValue, show: PriceListItemComponents.RateValue } },
      price_excl_tax: computedMoney,
      vat_amount: computedMoney,
      ...timestamps,
    },
    actions: withBuiltInActions({
      new: { before: onlyDraftVersions },
      edit: { before: onlyDraftVersions },
      delete: { before: onlyDraftVersions },
      bulkDelete: { before: onlyDraftVersions },
    }),
  },
});
