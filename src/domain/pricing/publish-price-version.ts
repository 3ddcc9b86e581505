import { QueryTypes, type Transaction } from 'sequelize';
import { PriceList, PriceListItem, PriceListVersion } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { businessToday } from '../../clock/business-clock.js';
import { repriceDraftOrders, type Repriced } from './reprice-draft-orders.js';

export interface PublishedVersion {
  version: PriceListVersion;
  list: PriceList;
  repriced: Repriced;
}

/**
 * 发布价格版本: a draft version with its prices becomes the list's prices from its first day on.
 * Prices are never set for days gone by, a version starts inside its list's validity and after
 * every version already published (the versions of a list follow each other), and once published
 * it never changes. Draft orders dated from then on are repriced.
 */
export async function publishPriceVersion(actor: Actor, versionId: number, today: string = businessToday()): Promise<PublishedVersion> {
  return PriceListVersion.sequelize!.transaction(async (transaction) => {
    const version = await PriceListVersion.findByPk(versionId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!version) throw new BusinessRuleError('priceVersionNotFound', { id: versionId });
    const list = await PriceList.findByPk(version.price_list_id, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
    const named = { list: `${list.code} ${list.name}`, version: version.version_no };
    if (version.status !== 'draft') throw new BusinessRuleError('priceVersionPublished', named);
    if ((await PriceListItem.count({ where: { version_id: version.id }, transaction })) === 0) throw new BusinessRuleError('priceVersionEmpty', named);
    await assertStartsInOrder(list, version.valid_from, today, transaction);

    const before = version.get({ plain: true, clone: true });
    await version.update({ status: 'published', published_at: new Date(), published_by_id: actor.id }, { transaction });
    await recordAudit(actor, { action: 'publishPriceVersion', resource: 'price_list_versions', recordId: version.id, before, after: version.get({ plain: true }) }, transaction);
    const repriced = await repriceDraftOrders(actor, version, transaction);
    return { version, list, repriced };
  });
}

/**
 * A new version of `list` may start on `day`: not in the past, within the list's validity, after
 * the list's latest published version. Shared by publishing and by adjustment notices.
 */
export async function assertStartsInOrder(list: PriceList, day: string, today: string, transaction: Transaction): Promise<void> {
  const named = { list: `${list.code} ${list.name}`, day };
  if (day < today) throw new BusinessRuleError('priceDayInPast', { ...named, today });
  if (day < list.valid_from || (list.valid_to !== null && day > list.valid_to)) {
    throw new BusinessRuleError('priceDayOutsideList', { ...named, from: list.valid_from, to: list.valid_to ?? '—' });
  }
  const [latest] = await PriceListVersion.sequelize!.query<{ version_no: number; valid_from: string }>(
    `SELECT version_no, valid_from FROM price_list_versions WHERE price_list_id = $1 AND status = 'published' ORDER BY valid_from DESC LIMIT 1`,
    { bind: [list.id], type: QueryTypes.SELECT, transaction },
  );
  if (latest && latest.valid_from >= day) {
    throw new BusinessRuleError('priceDayNotAfterLatest', { ...named, version: latest.version_no, latestFrom: latest.valid_from });
  }
}
