import type { CUSTOMER_TYPES } from '../../models/customer.model.js';
import type { SalesChannel } from '../../models/price-list.model.js';

type CustomerType = (typeof CUSTOMER_TYPES)[number];

/**
 * Which price list a customer buys from follows how it buys: distributors and traders resell
 * (分销价), gas stations buy refined oil for their forecourts (加油站价), plants, fleets and end
 * users buy for their own use (直销价).
 */
export const CHANNEL_OF_CUSTOMER_TYPE: Record<CustomerType, SalesChannel> = {
  distributor: 'distributor',
  trader: 'distributor',
  gas_station: 'gas_station',
  manufacturer: 'direct',
  fleet: 'direct',
  end_user: 'direct',
};

/** The same rule as an SQL expression over a customer_type column. */
export function salesChannelSql(customerTypeColumn: string): string {
  const cases = Object.entries(CHANNEL_OF_CUSTOMER_TYPE).map(([type, channel]) => `WHEN '${type}' THEN '${channel}'`).join(' ');
  return `(CASE ${customerTypeColumn} ${cases} END)`;
}
