import { startPeriodicJob, type RunningJob } from '../periodic-job.js';
import { recomputeCustomerAnalysis } from './recompute-customer-analysis.js';
import { recomputeLifetimeValues } from './recompute-lifetime-value.js';
import { nextDailyRun } from './daily-time.js';

/**
 * Recomputes grades, RFM, churn and lifetime values every day at `time` (server time), while the app runs. A failed
 * run is logged and the next day's run still comes.
 */
export function startAnalysisSchedule(
  time: string,
  log: (message: string) => void,
  run: () => Promise<unknown> = async () => {
    await recomputeCustomerAnalysis();
    await recomputeLifetimeValues();
  },
): RunningJob {
  return startPeriodicJob(
    async () => {
      await run();
      log('Customer analysis recomputed (schedule)');
    },
    () => nextDailyRun(new Date(), time).getTime() - Date.now(),
    (reason) => log(`Scheduled customer analysis failed: ${reason}`),
  );
}
