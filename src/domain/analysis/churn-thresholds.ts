/** Days without an order after which an active customer is at risk, and then churned. */
export interface ChurnThresholds {
  atRiskDays: number;
  churnedDays: number;
}

export const DEFAULT_CHURN_THRESHOLDS: ChurnThresholds = { atRiskDays: 90, churnedDays: 180 };

let configured: ChurnThresholds = DEFAULT_CHURN_THRESHOLDS;

/**
 * The app's start sets these from CHURN_AT_RISK_DAYS / CHURN_CHURNED_DAYS, so the panel's action
 * and the schedule use the same thresholds without every caller carrying the configuration.
 */
export function setChurnThresholds(thresholds: ChurnThresholds): void {
  configured = thresholds;
}

export function churnThresholds(): ChurnThresholds {
  return configured;
}
