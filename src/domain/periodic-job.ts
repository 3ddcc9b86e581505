export interface RunningJob {
  /** Cancels the next run and waits for one in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Runs `job` over and over while the app runs, each run `delayMs()` after the previous one ended, so
 * a slow run never has a second one racing it. The timer does not keep the process alive; a failed
 * run is reported to `failed` and the next run still comes.
 */
export function startPeriodicJob(job: () => Promise<void>, delayMs: () => number, failed: (reason: string) => void): RunningJob {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let stopped = false;
  const planNext = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = job()
        .catch((error: unknown) => failed(error instanceof Error ? error.message : String(error)))
        .finally(planNext);
    }, delayMs());
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
