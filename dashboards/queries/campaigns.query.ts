import type { CampaignConversion } from '../dashboard-data.js';
import { conversionRatePercent } from '../../src/domain/figures/business-figures.js';
import { periodBinds, select, visibleRows, type DashboardQuery } from './dashboard-query.js';

/** A chart of more campaigns than this is unreadable; the most recent ones matter. */
export const RECENT_CAMPAIGNS = 10;

/**
 * Conversion of the campaigns that ran during the period (the ten that started last) among those
 * the employee's campaign list shows, counting the members whose customer the employee may see, by
 * the furthest step each reached.
 */
export function campaignConversionOf(query: DashboardQuery): Promise<CampaignConversion[]> {
  return select<CampaignConversion>(
    query,
    `WITH recent AS (
       SELECT ca.id, ca.name, ca.start_date
         FROM campaigns ca
        WHERE ca.start_date <= $to::date AND ca.end_date >= $from::date AND ${query.scope.rowCondition('campaigns') ?? 'TRUE'}
          AND EXISTS (SELECT 1 FROM ${visibleRows(query, 'campaign_members')} m WHERE m.campaign_id = ca.id)
        ORDER BY ca.start_date DESC, ca.id DESC
        LIMIT ${RECENT_CAMPAIGNS})
     SELECT r.id AS "campaignId", r.name AS "campaignName", count(*)::int AS members,
            (count(*) FILTER (WHERE m.status = 'targeted'))::int AS targeted,
            (count(*) FILTER (WHERE m.status = 'queued'))::int AS queued,
            (count(*) FILTER (WHERE m.status = 'sent'))::int AS sent,
            (count(*) FILTER (WHERE m.status = 'failed'))::int AS failed,
            (count(*) FILTER (WHERE m.status = 'responded'))::int AS responded,
            (count(*) FILTER (WHERE m.status = 'converted'))::int AS converted,
            ${conversionRatePercent(`count(*) FILTER (WHERE m.status = 'converted')`, 'count(*)')} AS "conversionRatePct"
       FROM recent r
       JOIN ${visibleRows(query, 'campaign_members')} m ON m.campaign_id = r.id
      GROUP BY r.id, r.name, r.start_date
      ORDER BY r.start_date DESC, r.id DESC`,
    periodBinds(query),
  );
}
