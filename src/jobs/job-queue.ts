import PgBoss from 'pg-boss';
import type { ScheduledJob } from './scheduled-jobs.js';

export interface RunningJobQueue {
  /** Stops taking jobs and waits for the ones running here, so the database can close after them. */
  stop(): Promise<void>;
}

/** Where pg-boss keeps its tables: a schema of its own, beside the app's (the schema doctor ignores it). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Background jobs through pg-boss, a job queue in PostgreSQL: every instance of the app schedules
 * the same jobs and works the same queues, and PostgreSQL hands each run to exactly one of them (a
 * cron tick creates one job whichever instances saw it; a worker takes a job with SKIP LOCKED). A
 * queue holds at most one waiting run and one running (policy "stately"), so a slow run is never
 * raced by the next tick. A failed run is logged; the next tick comes all the same.
 */
export async function startJobQueue(databaseUrl: string, jobs: ScheduledJob[], log: (message: string) => void): Promise<RunningJobQueue> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOB_QUEUE_SCHEMA, max: 2, application_name: 'petrocrm-jobs' });
  boss.on('error', (error: Error) => log(`Job queue: ${error.message}`));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0 });
    await boss.schedule(job.name, job.cron, undefined, { tz: job.timeZone });
    await boss.work(job.name, async () => {
      try {
        await job.run();
      } catch (error) {
        log(`Background job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
  }
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 60_000 }) };
}
