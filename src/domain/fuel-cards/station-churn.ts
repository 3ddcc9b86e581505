import { QueryTypes } from 'sequelize';
import { FuelCardTransaction } from '../../models/index.js';
import type { ReadScope } from '../../access/authorisation/data-scope.js';

export interface StationChurn {
  station_id: number;
  station_code: string;
  station_name: string;
  /** Card customers who fuelled here in the earlier window, and in the recent one. */
  customers_before: number;
  customers_now: number;
  /** Fuelled here before, not at all in the recent window. */
  churned: number;
  /** Still fuelling here, but less than half the volume of before. */
  declining: number;
  /** New here in the recent window. */
  gained: number;
  liters_before: string;
  liters_now: string;
  /** churned ÷ customers_before, percent with one decimal; null without customers before. */
  churn_rate_pct: string | null;
  /** Litres lost with the churned and declining customers ÷ litres before, percent with one decimal. */
  volume_churn_pct: string | null;
}

export interface StationChurnQuery {
  scope: ReadScope;
  /** The last day of the recent window, 'YYYY-MM-DD' (the company's today). */
  asOf: string;
  /** Days in each of the two windows compared. */
  windowDays: number;
  /** Stations of this branch (or the station itself) only. */
  branchId?: number | null;
}

/**
 * 加油站客户流失, as the gas-station theses measure it: from volume, per station. The card customers'
 * litres at each station in the recent window are compared with the window before it: a customer
 * who stopped fuelling there is churned, one who fuels less than half as much is declining, and the
 * volume churn is the litres those two took away. Only customers in the caller's scope are counted.
 */
export async function stationChurn(query: StationChurnQuery): Promise<StationChurn[]> {
  return FuelCardTransaction.sequelize!.query<StationChurn>(
    `WITH per_customer AS (
       SELECT t.station_id, t.customer_id,
              coalesce(sum(t.liters) FILTER (WHERE t.business_day > $asOf::date - $window::int), 0) AS now,
              coalesce(sum(t.liters) FILTER (WHERE t.business_day <= $asOf::date - $window::int), 0) AS before
         FROM fuel_card_transactions t
        WHERE t.business_day > $asOf::date - 2 * $window::int AND t.business_day <= $asOf::date
          AND ${query.scope.rowsOf('customers', 't.customer_id')}
        GROUP BY t.station_id, t.customer_id
     ), per_station AS (
       SELECT station_id,
              count(*) FILTER (WHERE before > 0)::int AS customers_before,
              count(*) FILTER (WHERE now > 0)::int AS customers_now,
              count(*) FILTER (WHERE before > 0 AND now = 0)::int AS churned,
              count(*) FILTER (WHERE before > 0 AND now > 0 AND now * 2 < before)::int AS declining,
              count(*) FILTER (WHERE before = 0 AND now > 0)::int AS gained,
              sum(before) AS liters_before, sum(now) AS liters_now,
              sum(before - now) FILTER (WHERE before > 0 AND now * 2 < before) AS liters_lost
         FROM per_customer GROUP BY station_id
     )
     SELECT b.id AS station_id, b.code AS station_code, b.name AS station_name,
            coalesce(s.customers_before, 0) AS customers_before, coalesce(s.customers_now, 0) AS customers_now,
            coalesce(s.churned, 0) AS churned, coalesce(s.declining, 0) AS declining, coalesce(s.gained, 0) AS gained,
            coalesce(s.liters_before, 0)::numeric(14,2)::text AS liters_before, coalesce(s.liters_now, 0)::numeric(14,2)::text AS liters_now,
            round(100.0 * s.churned / nullif(s.customers_before, 0), 1)::text AS churn_rate_pct,
            round(100.0 * coalesce(s.liters_lost, 0) / nullif(s.liters_before, 0), 1)::text AS volume_churn_pct
       FROM branches b
       LEFT JOIN per_station s ON s.station_id = b.id
      WHERE b.kind = 'gas_station' AND ($branch::int IS NULL OR b.id = $branch OR b.parent_id = $branch)
      ORDER BY b.code`,
    { bind: { asOf: query.asOf, window: query.windowDays, branch: query.branchId ?? null }, type: QueryTypes.SELECT },
  );
}
