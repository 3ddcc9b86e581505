import { loadConfig } from '../../src/config.js';
import { CUSTOMER_ANALYSIS_JOB, OUTBOX_DELIVERY_JOB, dailyCron, intervalCron, scheduledJobs } from '../../src/jobs/scheduled-jobs.js';

describe('the background jobs and their schedules', () => {
  test('when ANALYSIS_SCHEDULE is 02:30, then the analysis runs every day at 02:30', () => {
    expect(dailyCron('02:30')).toBe('30 2 * * *');
    expect(dailyCron('00:05')).toBe('5 0 * * *');
  });

  test('when the outbox interval is in seconds, then it is rounded up to the whole minutes the queue counts in', () => {
    expect(intervalCron(60)).toBe('* * * * *');
    expect(intervalCron(30)).toBe('* * * * *');
    expect(intervalCron(300)).toBe('*/5 * * * *');
    expect(intervalCron(7200)).toBe('0 */2 * * *');
  });

  test('when nothing is configured in tests, then no job is scheduled; in production both are', () => {
    const log = () => undefined;
    expect(scheduledJobs(loadConfig({ NODE_ENV: 'test' }), log)).toEqual([]);
    expect(scheduledJobs(loadConfig({}), log).map((job) => [job.name, job.cron, job.timeZone])).toEqual([
      [CUSTOMER_ANALYSIS_JOB, '30 2 * * *', 'Asia/Shanghai'],
      [OUTBOX_DELIVERY_JOB, '* * * * *', 'Asia/Shanghai'],
    ]);
    // 02:30 is the company's night, wherever the server runs.
    expect(scheduledJobs(loadConfig({ BUSINESS_TIME_ZONE: 'Europe/Berlin' }), log)[0].timeZone).toBe('Europe/Berlin');
  });

  test('ANALYSIS_SCHEDULE is a time of day or off; in tests it is off unless set, and churned must come after at risk', () => {
    expect(loadConfig({}).customerAnalysis).toEqual({ dailyAt: '02:30', atRiskDays: 90, churnedDays: 180 });
    expect(loadConfig({ NODE_ENV: 'test' }).customerAnalysis.dailyAt).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', ANALYSIS_SCHEDULE: '04:15' }).customerAnalysis.dailyAt).toBe('04:15');
    expect(loadConfig({ ANALYSIS_SCHEDULE: 'off' }).customerAnalysis.dailyAt).toBeUndefined();
    expect(() => loadConfig({ ANALYSIS_SCHEDULE: '25:00' })).toThrow(/ANALYSIS_SCHEDULE must be a time of day like 02:30/);
    expect(() => loadConfig({ CHURN_AT_RISK_DAYS: '120', CHURN_CHURNED_DAYS: '90' })).toThrow(/CHURN_CHURNED_DAYS must be more than CHURN_AT_RISK_DAYS/);
  });
});
