import { stationChurn } from '../../src/domain/fuel-cards/station-churn.js';
import { churnThresholds } from '../../src/domain/analysis/churn-thresholds.js';
import type { StationVolume } from '../petroleum-data.js';
import { callerScopeOf } from './dashboard-caller-scope.js';
import type { DashboardQuery } from './dashboard-query.js';

/**
 * Per gas station, the card customers' litres in the last window up to the period's end (or today)
 * against the window before, and the churn that volume shows — the definition of the station churn
 * screen, with the customer analysis's at-risk days as the window.
 */
export async function stationVolumeOf(query: DashboardQuery): Promise<StationVolume[]> {
  const windowDays = churnThresholds().atRiskDays;
  const asOf = query.filters.to < query.today ? query.filters.to : query.today;
  const rows = await stationChurn({ scope: callerScopeOf(query), asOf, windowDays, branchId: query.filters.branchId });
  // A branch manager sees the stations of their branch, not the others' with nothing in them.
  const { branchIds } = query.scope;
  return rows.filter((row) => branchIds === null || branchIds.includes(row.station_id)).map((row) => ({
    stationId: row.station_id, stationName: row.station_name, litersBefore: row.liters_before, litersNow: row.liters_now,
    customersBefore: row.customers_before, churned: row.churned, declining: row.declining, churnRatePct: row.churn_rate_pct,
    volumeChurnPct: row.volume_churn_pct, windowDays,
  }));
}
