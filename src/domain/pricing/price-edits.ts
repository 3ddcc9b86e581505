import type { Transaction } from 'sequelize';
import { PriceAdjustmentNotice, PriceList, PriceListVersion } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * A published version was used to price orders: its prices are history. The forms refuse a change
 * with this message before PostgreSQL's trigger would refuse it anyway.
 */
export async function assertPriceVersionDraft(versionId: number, transaction?: Transaction): Promise<void> {
  const version = await PriceListVersion.findByPk(versionId, { transaction });
  if (!version || version.status === 'draft') return;
  const list = await PriceList.findByPk(version.price_list_id, { transaction, rejectOnEmpty: true });
  throw new BusinessRuleError('priceVersionPublished', { list: `${list.code} ${list.name}`, version: version.version_no });
}

/** An issued notice made versions of the lists it reached: it stays as issued. */
export async function assertNoticeDraft(noticeId: number, transaction?: Transaction): Promise<void> {
  const notice = await PriceAdjustmentNotice.findByPk(noticeId, { transaction });
  if (notice && notice.status !== 'draft') throw new BusinessRuleError('noticeIssued', { notice: notice.notice_no });
}
