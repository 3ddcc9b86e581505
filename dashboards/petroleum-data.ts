import type { Money, Tons } from './dashboard-data.js';

/**
 * The statistics page's petroleum figures: term contracts' lifting, customer lifetime value, the
 * gas stations' card volume and churn, and transport losses. Exact decimal strings, as the rest.
 */
export interface PetroleumFigures {
  contractLifting: ContractLiftingBar[];
  /** null when the employee's role may not see margins (lifetime value is computed from them). */
  lifetimeValue: CustomerLifetimeValue[] | null;
  stations: StationVolume[];
  shipmentLosses: ShipmentLossRow[];
}

/** A term contract's months in the period up to this one: planned and minimum against lifted, in tons. */
export interface ContractLiftingBar {
  contractId: number;
  contractNo: string;
  customerName: string;
  planned: Tons;
  minimum: Tons;
  lifted: Tons;
  /** Months over and under the minimum; the running month below it is `behind`, not under. */
  underMonths: number;
  behind: boolean;
  months: number;
}

export interface CustomerLifetimeValue {
  customerId: number;
  customerCode: string;
  customerName: string;
  marginToDate: Money;
  expectedMargin: Money;
  lifetimeValue: Money;
}

/** A gas station's card volume in the two windows compared, and its churn, as of the period's end. */
export interface StationVolume {
  stationId: number;
  stationName: string;
  litersBefore: string;
  litersNow: string;
  customersBefore: number;
  churned: number;
  declining: number;
  /** Percent with one decimal; null without customers before. */
  churnRatePct: string | null;
  volumeChurnPct: string | null;
  windowDays: number;
}

/** Shipments of the period per transport mode, and how many arrived with a loss beyond tolerance. */
export interface ShipmentLossRow {
  transportMode: string;
  shipments: number;
  received: number;
  beyondTolerance: number;
  /** Over products kept in tons. */
  loadedTons: Tons;
  lostTons: Tons;
}
