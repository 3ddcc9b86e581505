import { nextDailyRun } from '../../../src/domain/analysis/daily-time.js';
import { startAnalysisSchedule } from '../../../src/domain/analysis/analysis-schedule.js';
import { loadConfig } from '../../../src/config.js';

describe('the daily analysis schedule', () => {
  test('the next run is today at that time if it is still ahead, otherwise tomorrow', () => {
    expect(nextDailyRun(new Date(2026, 5, 30, 1, 0), '02:30')).toEqual(new Date(2026, 5, 30, 2, 30));
    expect(nextDailyRun(new Date(2026, 5, 30, 2, 30), '02:30')).toEqual(new Date(2026, 6, 1, 2, 30));
    expect(nextDailyRun(new Date(2026, 11, 31, 23, 0), '00:05')).toEqual(new Date(2027, 0, 1, 0, 5));
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
