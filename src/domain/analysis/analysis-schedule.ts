import { recomputeCustomerAnalysis } from './recompute-customer-analysis.js';
import { nextDailyRun } from './daily-time.js';

export interface RunningSchedule {
  /** Cancels the next run and waits for one in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Recomputes grades, RFM and churn every day at `time` (server time), while the app runs. The
 * timer does not keep the process alive; a failed run is logged and the next day's run still comes.
 */
export function startAnalysisSchedule(
  time: string,
  log: (message: string) => void,
  run: () => Promise<unknown> = () => recomputeCustomerAnalysis(),
): RunningSchedule {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let stopped = false;
  const planNext = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = run()
        .then(() => log('Customer analysis recomputed (schedule)'))
        .catch((error: unknown) => log(`Scheduled customer analysis failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(planNext);
    }, nextDailyRun(new Date(), time).getTime() - Date.now());
    timer.unref();
  };
  planNext();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
