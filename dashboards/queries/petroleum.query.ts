import type { DashboardQuery } from './dashboard-query.js';
import type { PetroleumFigures } from '../petroleum-data.js';
import { contractLiftingOf } from './contract-lifting.query.js';
import { lifetimeValueOf } from './lifetime-value.query.js';
import { stationVolumeOf } from './fuel-stations.query.js';
import { shipmentLossesOf } from './shipment-losses.query.js';

/** Every petroleum figure of the page; lifetime values only for roles that may see margins. */
export async function petroleumFiguresOf(query: DashboardQuery, marginsVisible: boolean): Promise<PetroleumFigures> {
  const [contractLifting, lifetimeValue, stations, shipmentLosses] = await Promise.all([
    contractLiftingOf(query), marginsVisible ? lifetimeValueOf(query) : null, stationVolumeOf(query), shipmentLossesOf(query),
  ]);
  return { contractLifting, lifetimeValue, stations, shipmentLosses };
}
