import type { ResourceOptions } from 'adminjs';
import { stationChurn } from '../../src/domain/fuel-cards/station-churn.js';
import { churnThresholds } from '../../src/domain/analysis/churn-thresholds.js';
import { businessToday } from '../../src/clock/business-clock.js';
import { tableAction } from '../workflow/table-action.js';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';

const percent = (value: string | null) => (value === null ? '—' : `${value}%`);

/** 加油站客户流失: per station, from the card customers' volume, as the gas-station theses ask. */
export const fuelCardTransactionActions: NonNullable<ResourceOptions['actions']> = {
  stationChurn: tableAction({
    actionType: 'resource',
    icon: 'TrendingDown',
    table: {
      columns: [
        { key: 'station_name', label: 'columnStation', link: { resourceId: 'branches', idKey: 'station_id' } },
        { key: 'customers_before', label: 'columnCustomersBefore' },
        { key: 'customers_now', label: 'columnCustomersNow' },
        { key: 'churned', label: 'columnChurned' },
        { key: 'declining', label: 'columnDeclining' },
        { key: 'gained', label: 'columnGained' },
        { key: 'liters_before', label: 'columnLitersBefore' },
        { key: 'liters_now', label: 'columnLitersNow' },
        { key: 'churn_rate', label: 'columnChurnRate' },
        { key: 'volume_churn', label: 'columnVolumeChurn' },
      ],
      empty: 'stationChurnNone',
    },
    load: async ({ context }) => {
      // The window is the customer analysis's: days without an order after which a customer is at risk.
      const windowDays = churnThresholds().atRiskDays;
      const rows = await stationChurn({ scope: staffDataScope(context.currentAdmin), asOf: businessToday(), windowDays });
      return {
        summary: { message: 'stationChurnSummary', options: { days: windowDays, stations: rows.length } },
        rows: rows.map((row) => ({ ...row, churn_rate: percent(row.churn_rate_pct), volume_churn: percent(row.volume_churn_pct) })),
      };
    },
  }),
};
