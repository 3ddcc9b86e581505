import type { Config } from '../config.js';
import { recomputeCustomerAnalysis } from '../domain/analysis/recompute-customer-analysis.js';
import { recomputeLifetimeValues } from '../domain/analysis/recompute-lifetime-value.js';
import { DAILY_TIME } from '../domain/analysis/daily-time.js';
import { deliverOutbox } from '../domain/marketing/deliver-outbox.js';
import { SYSTEM_SCOPE } from '../access/authorisation/data-scope.js';

/** A job the queue starts on a schedule, once across every instance of the app. */
export interface ScheduledJob {
  name: string;
  /** Five-field cron, read on the business clock (BUSINESS_TIME_ZONE), not the server's. */
  cron: string;
  timeZone: string;
  run(): Promise<void>;
}

export const CUSTOMER_ANALYSIS_JOB = 'customer-analysis';
export const OUTBOX_DELIVERY_JOB = 'outbox-delivery';

/**
 * The background work of PetroCRM: the daily recomputation of grades, RFM and churn
 * (ANALYSIS_SCHEDULE), and the outbox's delivery (EMAIL_SEND_INTERVAL). Off when not configured,
 * which is the default in tests.
 */
export function scheduledJobs(config: Config, log: (message: string) => void): ScheduledJob[] {
  const jobs: ScheduledJob[] = [];
  if (config.customerAnalysis.dailyAt) {
    jobs.push({
      name: CUSTOMER_ANALYSIS_JOB,
      cron: dailyCron(config.customerAnalysis.dailyAt),
      timeZone: config.businessTimeZone,
      run: async () => {
        // The nightly run is the system's: every customer, by name (SYSTEM_SCOPE).
        await recomputeCustomerAnalysis({ scope: SYSTEM_SCOPE });
        await recomputeLifetimeValues({ scope: SYSTEM_SCOPE });
        log('Customer analysis and lifetime values recomputed (schedule)');
      },
    });
  }
  if (config.mail.sendIntervalSeconds > 0) {
    jobs.push({
      name: OUTBOX_DELIVERY_JOB,
      cron: intervalCron(config.mail.sendIntervalSeconds),
      timeZone: config.businessTimeZone,
      run: async () => {
        const report = await deliverOutbox();
        if (report.sent + report.retrying + report.failed > 0) log(`Outbox: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`);
      },
    });
  }
  return jobs;
}

/** '02:30' → every day at 02:30. */
export function dailyCron(time: string): string {
  const match = DAILY_TIME.exec(time);
  if (!match) throw new Error(`not a time of day: ${time}`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

/** The queue's schedule counts in whole minutes: an interval in seconds is rounded up to them. */
export function intervalCron(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return `*/${minutes} * * * *`;
  return `0 */${Math.min(24, Math.ceil(minutes / 60))} * * *`;
}
