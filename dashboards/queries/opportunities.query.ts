import type { FunnelStage } from '../dashboard-data.js';
import { OPPORTUNITY_STAGES } from '../../src/models/opportunity.model.js';
import { dayEnds, dayStarts, periodBinds, select, visibleRows, type DashboardQuery } from './dashboard-query.js';

const STAGES = OPPORTUNITY_STAGES.map((stage, position) => `('${stage}', ${position})`).join(', ');

/**
 * The pipeline: every stage in order, with the open opportunities as they stand now and the ones
 * won or lost in the period. The weighted amount is Σ amount × probability ÷ 100, kept exact.
 */
export function funnelOf(query: DashboardQuery): Promise<FunnelStage[]> {
  return select<FunnelStage>(
    query,
    `SELECT s.stage, count(op.id)::int AS opportunities,
            COALESCE(sum(op.amount), 0)::numeric(16,2)::text AS amount,
            round(COALESCE(sum(op.amount * op.probability / 100.0), 0), 2)::numeric(16,2)::text AS "weightedAmount"
       FROM (VALUES ${STAGES}) AS s (stage, position)
       LEFT JOIN (SELECT * FROM ${visibleRows(query, 'opportunities')} o
                   WHERE o.stage NOT IN ('won', 'lost')
                      OR (o.closed_at >= ${dayStarts('from')} AND o.closed_at < ${dayEnds('to')})) op ON op.stage = s.stage
      GROUP BY s.stage, s.position
      ORDER BY s.position`,
    periodBinds(query),
  );
}
