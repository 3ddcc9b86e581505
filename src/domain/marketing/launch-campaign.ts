import { QueryTypes } from 'sequelize';
import { Campaign, EmailMessage, EmailTemplate } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { businessDayOf } from '../../clock/business-clock.js';
import { lockOpenCampaign } from './lock-campaign.js';
import { customerEmailFields, renderEmail } from './render-email.js';

export interface LaunchResult {
  /** Messages put in the outbox, one per member reached. */
  queued: number;
  /** Members left targeted because no contact of theirs has an e-mail address. */
  skipped: number;
}

interface TargetRow {
  member_id: number;
  customer_name: string;
  customer_code: string;
  customer_region: string;
  customer_city: string | null;
  customer_grade: string | null;
  customer_id: number;
  contact_id: number | null;
  contact_name: string | null;
  contact_title: string | null;
  contact_email: string | null;
}

/**
 * Queues the campaign's e-mail for every member still targeted: to the member's contact, or else
 * the customer's primary contact with an address, filled in from the template. Reached members
 * become queued (then sent or failed, as the outbox delivers), the campaign active. Launching
 * again later reaches members added since; a member already reached is never mailed twice.
 */
export async function launchCampaign(actor: Actor, campaignId: number, now: Date = new Date()): Promise<LaunchResult> {
  const sequelize = Campaign.sequelize!;
  return sequelize.transaction(async (transaction) => {
    const campaign = await lockOpenCampaign(campaignId, transaction);
    if (campaign.end_date < businessDayOf(now)) throw new BusinessRuleError('campaignEnded', { name: campaign.name, endDate: campaign.end_date });
    const template = campaign.email_template_id ? await EmailTemplate.findByPk(campaign.email_template_id, { transaction }) : null;
    if (!template || !template.active) throw new BusinessRuleError('campaignNeedsTemplate', { name: campaign.name }, 'email_template_id');

    const targets = await sequelize.query<TargetRow>(
      `SELECT m.id AS member_id, c.id AS customer_id, c.name AS customer_name, c.code AS customer_code,
              c.region AS customer_region, c.city AS customer_city, c.grade AS customer_grade,
              ct.id AS contact_id, ct.name AS contact_name, ct.title AS contact_title, ct.email AS contact_email
         FROM campaign_members m
         JOIN customers c ON c.id = m.customer_id
         LEFT JOIN LATERAL (
           SELECT * FROM contacts ct
            WHERE ct.customer_id = c.id AND btrim(coalesce(ct.email, '')) <> ''
            ORDER BY ct.id = m.contact_id DESC, ct.is_primary DESC, ct.id
            LIMIT 1) ct ON true
        WHERE m.campaign_id = $1 AND m.status = 'targeted'
        ORDER BY m.id
          FOR UPDATE OF m`,
      { bind: [campaign.id], type: QueryTypes.SELECT, transaction },
    );
    if (targets.length === 0) throw new BusinessRuleError('campaignHasNoTargets', { name: campaign.name });
    const reachable = targets.filter((target) => target.contact_id !== null);
    if (reachable.length === 0) throw new BusinessRuleError('campaignNoEmailContacts', { name: campaign.name, members: targets.length });

    // Whom each member was written to; their status then follows the e-mail (queued, later sent or
    // failed), kept by the outbox's trigger (migration 0021).
    await sequelize.query(
      `UPDATE campaign_members m SET contact_id = reached.contact_id, updated_at = now()
         FROM unnest($1::int[], $2::int[]) AS reached(member_id, contact_id)
        WHERE m.id = reached.member_id AND m.contact_id IS DISTINCT FROM reached.contact_id`,
      { bind: [reachable.map((target) => target.member_id), reachable.map((target) => target.contact_id)], transaction },
    );
    const campaignFields = { name: campaign.name, start_date: campaign.start_date, end_date: campaign.end_date };
    await EmailMessage.bulkCreate(
      reachable.map((target) => {
        const fields = customerEmailFields(
          { name: target.customer_name, code: target.customer_code, region: target.customer_region, city: target.customer_city, grade: target.customer_grade },
          { name: target.contact_name!, title: target.contact_title, email: target.contact_email },
        );
        const mail = renderEmail(template, { ...fields, campaign: campaignFields });
        return {
          campaign_id: campaign.id, customer_id: target.customer_id, contact_id: target.contact_id, template_id: template.id,
          to_address: target.contact_email!.trim(), subject: mail.subject, body: mail.body, status: 'queued' as const,
          attempts: 0, last_error: null, next_attempt_at: now, sent_at: null,
        };
      }),
      { transaction },
    );
    const before = campaign.get({ plain: true, clone: true });
    await campaign.update({ status: 'active', launched_at: campaign.launched_at ?? now }, { transaction });
    const result = { queued: reachable.length, skipped: targets.length - reachable.length };
    await recordAudit(actor, { action: 'launch', resource: 'campaigns', recordId: campaign.id, before, after: campaign.get({ plain: true, clone: true }), details: result }, transaction);
    return result;
  });
}
