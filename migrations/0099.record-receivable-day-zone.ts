import type { MigrationFn } from './migration.js';

/**
 * receivable_shipped_on() (0094) dates a receivable by the day it shipped in one fixed zone, which
 * 0094 wrote as Asia/Shanghai whatever BUSINESS_TIME_ZONE said. Its comment now records the zone it
 * was made for, so a start on another business zone knows to make it again for that zone and to
 * re-sum the receivables per day shipped (src/domain/credit/receivable-day.ts).
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`COMMENT ON FUNCTION receivable_shipped_on(timestamptz, date) IS 'Asia/Shanghai'`);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('COMMENT ON FUNCTION receivable_shipped_on(timestamptz, date) IS NULL');
};
