import { QueryTypes } from 'sequelize';
import { PriceAdjustmentNotice } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { salesChannelSql } from './sales-channel.js';

export interface ReachedCustomer {
  customerId: number;
  code: string;
  name: string;
  customerType: string;
  region: string;
  status: string;
  owner: string | null;
  listCode: string;
  listName: string;
}

/**
 * The customers a notice reaches: those who buy from a list it changes — for an issued notice the
 * lists it made a version of, for a draft the lists it would (its scope, valid on its effective
 * day). Merged duplicates are left out; only customers the employee may see are listed.
 */
export async function customersReachedByNotice(noticeId: number, profile: AccessProfile): Promise<{ notice: PriceAdjustmentNotice; customers: ReachedCustomer[] }> {
  const notice = await PriceAdjustmentNotice.findByPk(noticeId);
  if (!notice) throw new BusinessRuleError('noticeNotFound', { id: noticeId });
  const lists =
    notice.status === 'issued'
      ? 'SELECT l.* FROM price_lists l WHERE l.id IN (SELECT price_list_id FROM price_list_versions WHERE notice_id = $notice)'
      : `SELECT l.* FROM price_lists l, price_adjustment_notices n
          WHERE n.id = $notice AND (n.region IS NULL OR l.region = n.region) AND (n.channel IS NULL OR l.channel = n.channel)
            AND l.valid_from <= n.effective_from AND (l.valid_to IS NULL OR l.valid_to >= n.effective_from)`;
  const scope = rowScopeCondition(profile, 'customers');
  const customers = await PriceAdjustmentNotice.sequelize!.query<ReachedCustomer>(
    `SELECT c.id AS "customerId", c.code, c.name, c.customer_type AS "customerType", c.region, c.status, u.name AS owner,
            l.code AS "listCode", l.name AS "listName"
       FROM customers c
       JOIN (${lists}) l ON l.region = c.region AND l.channel = ${salesChannelSql('c.customer_type')}
       LEFT JOIN users u ON u.id = c.owner_id
      WHERE c.merged_into_id IS NULL ${scope ? `AND c.id IN (SELECT id FROM customers WHERE ${scope})` : ''}
      ORDER BY l.code, c.code`,
    { bind: { notice: notice.id }, type: QueryTypes.SELECT },
  );
  return { notice, customers };
}
