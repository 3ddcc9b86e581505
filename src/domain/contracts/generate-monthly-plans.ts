import { QueryTypes } from 'sequelize';
import { Contract } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * 生成月度提货计划: one plan for every month of the contract's period that has none yet, with the
 * contract's monthly band as minimum and maximum and, as the planned quantity, the committed
 * quantity spread evenly over the months (kept within the band), else the minimum. Plans already
 * there, perhaps revised by the customer's nomination, stay as they are.
 */
export async function generateMonthlyPlans(actor: Actor, contractId: number): Promise<{ contract: Contract; created: number; months: number }> {
  return Contract.sequelize!.transaction(async (transaction) => {
    const contract = await Contract.findByPk(contractId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!contract) throw new BusinessRuleError('contractNotFound', { id: contractId });
    if (contract.status === 'completed' || contract.status === 'terminated') throw new BusinessRuleError('contractClosedForPlans', { contract: contract.contract_no });
    if (contract.monthly_min_quantity === null || contract.monthly_max_quantity === null) {
      throw new BusinessRuleError('contractHasNoMonthlyBand', { contract: contract.contract_no }, 'monthly_min_quantity');
    }
    const rows = await Contract.sequelize!.query<{ month: string }>(
      `WITH period AS (
         SELECT generate_series(date_trunc('month', start_date), date_trunc('month', end_date), interval '1 month')::date AS month
           FROM contracts WHERE id = $1
       ), even AS (
         SELECT round(committed_quantity / (SELECT count(*) FROM period), 3) AS share FROM contracts WHERE id = $1
       )
       INSERT INTO contract_monthly_plans (contract_id, month, min_quantity, planned_quantity, max_quantity)
       SELECT $1, period.month, $2::numeric, least(greatest(coalesce(even.share, $2::numeric), $2::numeric), $3::numeric), $3::numeric
         FROM period CROSS JOIN even
       ON CONFLICT (contract_id, month) DO NOTHING
       RETURNING to_char(month, 'YYYY-MM-DD') AS month`,
      { bind: [contract.id, contract.monthly_min_quantity, contract.monthly_max_quantity], type: QueryTypes.SELECT, transaction },
    );
    const [{ months }] = await Contract.sequelize!.query<{ months: number }>(
      `SELECT count(*)::int AS months FROM contract_monthly_plans WHERE contract_id = $1`,
      { bind: [contract.id], type: QueryTypes.SELECT, transaction },
    );
    await recordAudit(actor, { action: 'generateMonthlyPlans', resource: 'contracts', recordId: contract.id, details: { months: rows.map((row) => row.month) } }, transaction);
    return { contract, created: rows.length, months };
  });
}
