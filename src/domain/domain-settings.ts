import type { Config } from '../config.js';
import { setMailSettings } from './marketing/mail-settings.js';
import { setChurnThresholds } from './analysis/churn-thresholds.js';
import { setBusinessTimeZone } from '../clock/business-clock.js';

/**
 * The settings the domain reads from the configuration: the business clock, mail delivery and the
 * churn thresholds.
 * Applied before anything computes with them (the demo data's first analysis included).
 */
export function applyDomainSettings(config: Config): void {
  setBusinessTimeZone(config.businessTimeZone);
  setMailSettings({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, maxAttempts: config.mail.maxAttempts });
  setChurnThresholds({ atRiskDays: config.customerAnalysis.atRiskDays, churnedDays: config.customerAnalysis.churnedDays });
}
