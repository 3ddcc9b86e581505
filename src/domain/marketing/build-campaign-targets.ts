import { QueryTypes } from 'sequelize';
import { Campaign } from '../../models/index.js';
import { recordAudit } from '../../audit/audit-log.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { lockOpenCampaign } from './lock-campaign.js';

export interface TargetListResult {
  added: number;
  total: number;
}

/**
 * Adds every customer matching the campaign's criteria (grade, type, region, status — those that
 * are set) as a targeted member with its primary contact. Running it again adds only customers
 * that match now and are not members yet; nobody is removed, whatever happened to them since.
 * Duplicates merged into another customer are never targeted, nor customers outside the caller's scope.
 */
export async function buildCampaignTargets(scope: DataScope, campaignId: number): Promise<TargetListResult> {
  const { actor } = scope;
  const sequelize = Campaign.sequelize!;
  return sequelize.transaction(async (transaction) => {
    const campaign = await lockOpenCampaign(campaignId, transaction);
    const { target_grade: grade, target_customer_type: type, target_region: region, target_status: status } = campaign;
    // With no criterion the list would be every customer: almost always a form left blank by mistake.
    if (!grade && !type && !region && !status) throw new BusinessRuleError('campaignNeedsCriteria', { name: campaign.name });
    const added = await sequelize.query(
      `INSERT INTO campaign_members (campaign_id, customer_id, contact_id, status, created_at, updated_at)
       SELECT $1, c.id,
              (SELECT ct.id FROM contacts ct WHERE ct.customer_id = c.id ORDER BY ct.is_primary DESC, ct.email IS NULL, ct.id LIMIT 1),
              'targeted', now(), now()
         FROM customers c
        WHERE c.merged_into_id IS NULL AND ${scope.rowsOf('customers', 'c.id')}
          AND ($2::text IS NULL OR c.grade = $2::bpchar)
          AND ($3::text IS NULL OR c.customer_type = $3)
          AND ($4::text IS NULL OR c.region = $4)
          AND ($5::text IS NULL OR c.status = $5)
        ORDER BY c.id
       ON CONFLICT (campaign_id, customer_id) DO NOTHING
       RETURNING id`,
      { bind: [campaign.id, grade, type, region, status], type: QueryTypes.SELECT, transaction },
    );
    const [{ total }] = await sequelize.query<{ total: number }>('SELECT count(*)::int AS total FROM campaign_members WHERE campaign_id = $1', {
      bind: [campaign.id],
      type: QueryTypes.SELECT,
      transaction,
    });
    const result = { added: added.length, total };
    await recordAudit(actor, { action: 'buildTargets', resource: 'campaigns', recordId: campaign.id, details: { criteria: { grade, type, region, status }, ...result } }, transaction);
    return result;
  });
}
