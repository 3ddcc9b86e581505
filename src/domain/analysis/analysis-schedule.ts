import { startPeriodicJob, type RunningJob } from '../periodic-job.js';
import { recomputeCustomerAnalysis } from './recompute-customer-analysis.js';
import { nextDailyRun } from './daily-time.js';
import { SYSTEM_SCOPE } from '../../access/authorisation/data-scope.js';

/**
 * Recomputes grades, RFM and churn of every customer (the system's scope) every day at `time`
 * (server time), while the app runs. A failed run is logged and the next day's run still comes.
 */
export function startAnalysisSchedule(
  time: string,
  log: (message: string) => void,
  run: () => Promise<unknown> = () => recomputeCustomerAnalysis({ scope: SYSTEM_SCOPE }),
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
