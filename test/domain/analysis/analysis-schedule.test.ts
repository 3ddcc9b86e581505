import { nextDailyRun } from '../../../src/domain/analysis/daily-time.js';
import { startAnalysisSchedule } from '../../../src/domain/analysis/analysis-schedule.js';
import { loadConfig } from '../../../src/config.js';

describe('the daily analysis schedule', () => {
  test('when the next run is asked, then it is today at that time on the business clock if still ahead, otherwise tomorrow', () => {
    // Beijing is UTC+8: 01:00 there on 30 June is 17:00 UTC on the 29th.
    expect(nextDailyRun(new Date('2026-06-29T17:00:00Z'), '02:30')).toEqual(new Date('2026-06-29T18:30:00Z'));
    expect(nextDailyRun(new Date('2026-06-29T18:30:00Z'), '02:30')).toEqual(new Date('2026-06-30T18:30:00Z'));
    expect(nextDailyRun(new Date('2026-12-31T15:00:00Z'), '00:05')).toEqual(new Date('2026-12-31T16:05:00Z'));
  });

  test('when the schedule is stopped before its time, then it never runs and leaves no timer behind', async () => {
    let runs = 0;
    const schedule = startAnalysisSchedule('03:00', () => undefined, async () => {
      runs += 1;
    });
    await schedule.stop();
    expect(runs).toBe(0);
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
