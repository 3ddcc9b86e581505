import { deliverOutbox, type DeliveryReport } from './deliver-outbox.js';

export interface RunningSender {
  /** Cancels the next run and waits for one in progress. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox every `intervalSeconds` while the app runs; a run starts only after the
 * previous one ended, so a slow mail server never has two runs racing. The timer does not keep the
 * process alive, and a failed run is logged, not fatal.
 */
export function startOutboxSender(
  intervalSeconds: number,
  log: (message: string) => void,
  deliver: () => Promise<DeliveryReport> = () => deliverOutbox(),
): RunningSender {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let stopped = false;
  const planNext = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = deliver()
        .then((report) => {
          if (report.sent + report.retrying + report.failed > 0) log(`Outbox: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`);
        })
        .catch((error: unknown) => log(`Outbox delivery failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(planNext);
    }, intervalSeconds * 1000);
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
