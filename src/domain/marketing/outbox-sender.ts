import { startPeriodicJob, type RunningJob } from '../periodic-job.js';
import { deliverOutbox, type DeliveryReport } from './deliver-outbox.js';

/**
 * Delivers the outbox every `intervalSeconds` while the app runs; a run starts only after the
 * previous one ended, so a slow mail server never has two runs racing. A failed run is logged, not fatal.
 */
export function startOutboxSender(
  intervalSeconds: number,
  log: (message: string) => void,
  deliver: () => Promise<DeliveryReport> = () => deliverOutbox(),
): RunningJob {
  return startPeriodicJob(
    async () => {
      const report = await deliver();
      if (report.sent + report.retrying + report.failed > 0) log(`Outbox: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`);
    },
    () => intervalSeconds * 1000,
    (reason) => log(`Outbox delivery failed: ${reason}`),
  );
}
