import { Op, QueryTypes, type Transaction } from 'sequelize';
import { PriceAdjustmentLine, PriceAdjustmentNotice, PriceList, PriceListVersion } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { businessToday } from '../../clock/business-clock.js';
import { formatYuan } from '../money.js';
import { assertStartsInOrder } from './publish-price-version.js';
import { repriceDraftOrders } from './reprice-draft-orders.js';

export interface NoticeVersion {
  listCode: string;
  listName: string;
  versionNo: number;
  changedPrices: number;
}

export interface IssuedNotice {
  notice: PriceAdjustmentNotice;
  versions: NoticeVersion[];
  repricedLines: number;
  repricedOrders: number;
}

/**
 * 发布调价通知: for every price list in the notice's scope (its region and channel, or all of them)
 * valid on its effective day, the next version: the list's latest prices with the notice's change
 * per unit applied — a product's own line first, else the line of its nearest category — from the
 * effective day on. Issued, the notice and its versions are history; confirmed orders keep the
 * prices they were agreed at, draft orders dated from the effective day take the new ones. All of
 * it or, on any refusal (a price that would fall to zero or below, a list already priced for a
 * later day), none of it.
 */
export async function issuePriceAdjustmentNotice(actor: Actor, noticeId: number, today: string = businessToday()): Promise<IssuedNotice> {
  return PriceAdjustmentNotice.sequelize!.transaction(async (transaction) => {
    const notice = await PriceAdjustmentNotice.findByPk(noticeId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!notice) throw new BusinessRuleError('noticeNotFound', { id: noticeId });
    if (notice.status !== 'draft') throw new BusinessRuleError('noticeIssued', { notice: notice.notice_no });
    if (notice.effective_from < today) throw new BusinessRuleError('noticeInPast', { notice: notice.notice_no, day: notice.effective_from, today });
    if ((await PriceAdjustmentLine.count({ where: { notice_id: notice.id }, transaction })) === 0) {
      throw new BusinessRuleError('noticeHasNoLines', { notice: notice.notice_no });
    }
    const lists = await listsInScope(notice, transaction);
    if (lists.length === 0) throw new BusinessRuleError('noticeReachesNoList', { notice: notice.notice_no });

    const versions: NoticeVersion[] = [];
    let repricedLines = 0;
    let repricedOrders = 0;
    for (const list of lists) {
      const base = await PriceListVersion.findOne({ where: { price_list_id: list.id, status: 'published' }, order: [['valid_from', 'DESC']], transaction });
      if (!base) continue;
      await assertStartsInOrder(list, notice.effective_from, today, transaction);
      const changes = await changedPrices(notice, base.id, transaction);
      if (changes.length === 0) continue;
      const refused = changes.find((change) => !change.positive);
      if (refused) {
        throw new BusinessRuleError('noticePriceNotPositive', {
          list: `${list.code} ${list.name}`, product: refused.product, price: formatYuan(refused.old_price), change: formatYuan(refused.change),
        });
      }
      const version = await nextVersion(actor, notice, list, base, transaction);
      versions.push({ listCode: list.code, listName: list.name, versionNo: version.version_no, changedPrices: changes.length });
      const repriced = await repriceDraftOrders(actor, version, transaction);
      repricedLines += repriced.lines;
      repricedOrders += repriced.orders;
    }
    if (versions.length === 0) throw new BusinessRuleError('noticeChangesNoPrice', { notice: notice.notice_no });

    const before = notice.get({ plain: true, clone: true });
    await notice.update({ status: 'issued', issued_at: new Date(), issued_by_id: actor.id }, { transaction });
    await recordAudit(
      actor,
      { action: 'issuePriceNotice', resource: 'price_adjustment_notices', recordId: notice.id, before, after: notice.get({ plain: true }), details: { versions: versions.map((version) => `${version.listCode} v${version.versionNo}`) } },
      transaction,
    );
    return { notice, versions, repricedLines, repricedOrders };
  });
}

/** The lists of the notice's region and channel (each, when left open) valid on its effective day, held until commit. */
function listsInScope(notice: PriceAdjustmentNotice, transaction: Transaction): Promise<PriceList[]> {
  return PriceList.findAll({
    where: {
      ...(notice.region ? { region: notice.region } : {}),
      ...(notice.channel ? { channel: notice.channel } : {}),
      valid_from: { [Op.lte]: notice.effective_from },
      [Op.or]: [{ valid_to: null }, { valid_to: { [Op.gte]: notice.effective_from } }],
    },
    order: [['id', 'ASC']],
    lock: transaction.LOCK.UPDATE,
    transaction,
  });
}

interface PriceChange {
  product_id: number;
  product: string;
  old_price: string;
  change: string;
  positive: boolean;
}

/**
 * The base version's prices the notice changes. A product takes its own line, else the line of
 * the nearest category above it (categories form a tree).
 */
function changedPrices(notice: PriceAdjustmentNotice, baseVersionId: number, transaction: Transaction): Promise<PriceChange[]> {
  return PriceAdjustmentNotice.sequelize!.query<PriceChange>(
    `${NOTICE_CHANGES}
     SELECT i.product_id, p.name AS product, i.unit_price::text AS old_price, ch.change::text AS change, i.unit_price + ch.change > 0 AS positive
       FROM price_list_items i
       JOIN changes ch ON ch.product_id = i.product_id
       JOIN products p ON p.id = i.product_id
      WHERE i.version_id = $base
      ORDER BY i.product_id`,
    { bind: { notice: notice.id, base: baseVersionId }, type: QueryTypes.SELECT, transaction },
  );
}

/** change per product for notice $notice: its own line (depth -1) before its categories', nearest first. */
const NOTICE_CHANGES = `
  WITH RECURSIVE ancestry AS (
    SELECT p.id AS product_id, p.category_id, 0 AS depth FROM products p
    UNION ALL
    SELECT a.product_id, c.parent_id, a.depth + 1 FROM ancestry a JOIN product_categories c ON c.id = a.category_id WHERE c.parent_id IS NOT NULL
  ), candidates AS (
    SELECT l.product_id, l.change_per_unit AS change, -1 AS depth FROM price_adjustment_lines l WHERE l.notice_id = $notice AND l.product_id IS NOT NULL
    UNION ALL
    SELECT a.product_id, l.change_per_unit, a.depth FROM ancestry a JOIN price_adjustment_lines l ON l.category_id = a.category_id WHERE l.notice_id = $notice
  ), changes AS (
    SELECT DISTINCT ON (product_id) product_id, change FROM candidates ORDER BY product_id, depth
  )`;

/** The list's next version: every price of the base, changed where the notice says, published at once. */
async function nextVersion(actor: Actor, notice: PriceAdjustmentNotice, list: PriceList, base: PriceListVersion, transaction: Transaction): Promise<PriceListVersion> {
  const version = await PriceListVersion.create(
    { price_list_id: list.id, valid_from: notice.effective_from, notice_id: notice.id, based_on_id: base.id, published_at: null, published_by_id: null, notes: notice.title },
    { transaction },
  );
  await PriceListVersion.sequelize!.query(
    `${NOTICE_CHANGES}
     INSERT INTO price_list_items (version_id, product_id, unit_price, vat_rate)
     SELECT $version, i.product_id, i.unit_price + coalesce(ch.change, 0), i.vat_rate
       FROM price_list_items i LEFT JOIN changes ch ON ch.product_id = i.product_id
      WHERE i.version_id = $base`,
    { bind: { notice: notice.id, base: base.id, version: version.id }, transaction },
  );
  await version.update({ status: 'published', published_at: new Date(), published_by_id: actor.id }, { transaction });
  await recordAudit(actor, { action: 'issuePriceNotice', resource: 'price_list_versions', recordId: version.id, after: version.get({ plain: true }), details: { notice_no: notice.notice_no } }, transaction);
  return version;
}
