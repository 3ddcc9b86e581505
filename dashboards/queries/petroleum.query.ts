import type { DashboardQuery } from './dashboard-query.js';
import type { DashboardSection } from '../dashboard-scope.js';
import type { PetroleumFigures } from '../petroleum-data.js';
import { contractLiftingOf } from './contract-lifting.query.js';
import { lifetimeValueOf } from './lifetime-value.query.js';
import { stationVolumeOf } from './fuel-stations.query.js';
import { shipmentLossesOf } from './shipment-losses.query.js';

/**
 * Every petroleum figure of the page the role may list the rows of (dashboard-scope.ts); lifetime
 * values only for roles that may also see margins.
 */
export async function petroleumFiguresOf(query: DashboardQuery, marginsVisible: boolean): Promise<PetroleumFigures> {
  const allows = (section: DashboardSection) => query.scope.allows(section);
  const [contractLifting, lifetimeValue, stations, shipmentLosses] = await Promise.all([
    allows('contractLifting') ? contractLiftingOf(query) : [],
    marginsVisible && allows('lifetimeValue') ? lifetimeValueOf(query) : null,
    allows('stations') ? stationVolumeOf(query) : [],
    allows('shipmentLosses') ? shipmentLossesOf(query) : [],
  ]);
  return { contractLifting, lifetimeValue, stations, shipmentLosses };
}
