import { QueryTypes, type Transaction } from 'sequelize';
import { Customer, CustomerMerge } from '../../models/index.js';
import { recordAudit } from '../../audit/audit-log.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * Every table whose rows belong to a customer through customer_id, and so move to the survivor.
 * A new table with a customer_id must be added here (a test compares this list with the schema).
 */
export const CUSTOMER_CHILD_TABLES = [
  'contacts', 'opportunities', 'contracts', 'sales_orders', 'tickets', 'activities', 'customer_feedback', 'campaign_members', 'email_messages',
  // Their top-ups and fuellings follow the cards (ON UPDATE CASCADE).
  'fuel_cards',
] as const;

export type MergeCounts = Record<(typeof CUSTOMER_CHILD_TABLES)[number], number> & {
  /** Campaigns both were members of: the duplicate's membership folded into the survivor's. */
  campaign_members_folded: number;
  /** Customers merged into the duplicate earlier, now pointing at the survivor. */
  earlier_duplicates: number;
};

/** Filled from the duplicate where the survivor has nothing. */
const FILLABLE_FIELDS = ['industry', 'province', 'city', 'address', 'phone', 'email', 'credit_rating', 'owner_id', 'credit_code'] as const;
const STATUS_ORDER = `CASE status WHEN 'targeted' THEN 0 WHEN 'queued' THEN 1 WHEN 'failed' THEN 1 WHEN 'sent' THEN 2 WHEN 'responded' THEN 3 ELSE 4 END`;

/**
 * Merges a duplicate customer into the survivor in one transaction: contacts, orders, opportunities,
 * contracts, tickets, activities, feedback, campaign memberships, e-mails and fleet fuel cards (their
 * top-ups and fuellings with them) move over; details the
 * survivor lacks are copied. The duplicate is kept, marked churned with merged_into_id, not deleted:
 * its code is what the ERP, old exports and the audit log know, and the pointer keeps those
 * references resolvable (and a mistaken merge traceable). Where both were in one campaign, the
 * survivor keeps the membership that got furthest. The merge is written down first (customer_merges):
 * that record is what lets this transaction move a closed order or ticket, which no edit may.
 * Both customers must be in the caller's scope: a duplicate they cannot see is no duplicate of
 * theirs (and its orders and contacts are not theirs to move).
 */
export async function mergeCustomers(scope: DataScope, input: { survivorId: number; duplicateId: unknown }): Promise<MergeCounts> {
  const { actor } = scope;
  const duplicateId = Number(input.duplicateId);
  if (!Number.isInteger(duplicateId) || duplicateId <= 0) throw new BusinessRuleError('mergeDuplicateRequired', {}, 'duplicate_id');
  if (duplicateId === input.survivorId) throw new BusinessRuleError('mergeSameCustomer', {}, 'duplicate_id');
  const sequelize = Customer.sequelize!;
  return sequelize.transaction(async (transaction) => {
    // Both rows locked in id order, so two opposite merges cannot deadlock.
    const reached = await sequelize.query<{ id: number }>(`SELECT c.id FROM customers c WHERE c.id IN ($1, $2) AND ${scope.rowsOf('customers', 'c.id')}`, {
      bind: [input.survivorId, duplicateId],
      type: QueryTypes.SELECT,
      transaction,
    });
    const ids = reached.map((row) => row.id);
    const locked = await Customer.findAll({ where: { id: ids }, order: [['id', 'ASC']], lock: transaction.LOCK.UPDATE, transaction });
    const survivor = locked.find((customer) => customer.id === input.survivorId);
    const duplicate = locked.find((customer) => customer.id === duplicateId);
    if (!survivor) throw new BusinessRuleError('customerNotFound', { id: input.survivorId });
    if (!duplicate) throw new BusinessRuleError('mergeDuplicateRequired', {}, 'duplicate_id');
    if (duplicate.merged_into_id) throw new BusinessRuleError('customerAlreadyMerged', { customer: duplicate.name }, 'duplicate_id');
    if (survivor.merged_into_id) throw new BusinessRuleError('mergeIntoMergedCustomer', { customer: survivor.name });

    await CustomerMerge.create({ survivor_id: survivor.id, duplicate_id: duplicate.id, merged_by_id: actor.id }, { transaction });
    const survivorBefore = survivor.get({ plain: true, clone: true });
    const duplicateBefore = duplicate.get({ plain: true, clone: true });
    const counts = await moveChildren(survivor.id, duplicate.id, transaction);
    counts.earlier_duplicates = await update(`UPDATE customers SET merged_into_id = $1, updated_at = now() WHERE merged_into_id = $2`, survivor.id, duplicate.id, transaction);

    const filled = Object.fromEntries(FILLABLE_FIELDS.filter((field) => survivor[field] === null && duplicate[field] !== null).map((field) => [field, duplicate[field]]));
    // credit_code is unique: the duplicate gives it up before the survivor takes it.
    await duplicate.update(
      { merged_into_id: survivor.id, status: 'churned', credit_code: null, notes: [duplicate.notes, `已合并到 ${survivor.code} ${survivor.name}`].filter(Boolean).join('\n') },
      { transaction },
    );
    if (Object.keys(filled).length > 0) await survivor.update(filled, { transaction });

    await recordAudit(actor, { action: 'merge', resource: 'customers', recordId: survivor.id, before: survivorBefore, after: survivor.get({ plain: true, clone: true }), details: { duplicateId: duplicate.id, duplicateCode: duplicate.code, moved: counts } }, transaction);
    await recordAudit(actor, { action: 'mergedInto', resource: 'customers', recordId: duplicate.id, before: duplicateBefore, after: duplicate.get({ plain: true, clone: true }), details: { survivorId: survivor.id, survivorCode: survivor.code } }, transaction);
    return counts;
  });
}

async function moveChildren(survivorId: number, duplicateId: number, transaction: Transaction): Promise<MergeCounts> {
  // A campaign both were in: the survivor keeps the furthest status and the dates and order that go with it.
  const folded = await Customer.sequelize!.query<{ id: number }>(
    `WITH pairs AS (
       SELECT s.id AS keep_id, d.id AS drop_id, (${STATUS_ORDER.replaceAll('status', 'd.status')}) > (${STATUS_ORDER.replaceAll('status', 's.status')}) AS duplicate_further,
              d.status, d.responded_at, d.converted_at, d.order_id, d.notes
         FROM campaign_members s JOIN campaign_members d ON d.campaign_id = s.campaign_id
        WHERE s.customer_id = $1 AND d.customer_id = $2
     ), kept AS (
       UPDATE campaign_members s
          SET status = CASE WHEN p.duplicate_further THEN p.status ELSE s.status END,
              responded_at = coalesce(s.responded_at, p.responded_at),
              converted_at = coalesce(s.converted_at, p.converted_at),
              order_id = coalesce(s.order_id, p.order_id),
              notes = nullif(concat_ws(E'\\n', s.notes, p.notes), ''),
              updated_at = now()
         FROM pairs p WHERE s.id = p.keep_id
       RETURNING p.drop_id
     )
     DELETE FROM campaign_members WHERE id IN (SELECT drop_id FROM kept) RETURNING id`,
    { bind: [survivorId, duplicateId], type: QueryTypes.SELECT, transaction },
  );
  // The survivor's primary contact stays the primary one.
  await update(
    `UPDATE contacts SET is_primary = false, updated_at = now()
      WHERE customer_id = $2 AND is_primary AND EXISTS (SELECT 1 FROM contacts WHERE customer_id = $1 AND is_primary)`,
    survivorId, duplicateId, transaction,
  );
  const counts = { campaign_members_folded: folded.length, earlier_duplicates: 0 } as MergeCounts;
  for (const table of CUSTOMER_CHILD_TABLES) {
    counts[table] = await update(`UPDATE ${table} SET customer_id = $1, updated_at = now() WHERE customer_id = $2`, survivorId, duplicateId, transaction);
  }
  return counts;
}

async function update(sql: string, survivorId: number, duplicateId: number, transaction: Transaction): Promise<number> {
  return Customer.sequelize!.query(sql, { bind: [survivorId, duplicateId], type: QueryTypes.BULKUPDATE, transaction });
}
