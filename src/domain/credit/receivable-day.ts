import { QueryTypes, type Sequelize } from 'sequelize';
import { IS_RECEIVABLE } from './receivables.js';

/** Instances starting together: one makes the day again, the others find it made. */
const RECEIVABLE_DAY_LOCK = 7_210_307;

/** The function that dates a receivable (migrations/0094), as PostgreSQL names it. */
const RECEIVABLE_DAY_FUNCTION = 'receivable_shipped_on(timestamptz, date)';

/**
 * A receivable's age counts from the business day it shipped, on the company's clock like every
 * other day of the app (BUSINESS_TIME_ZONE). receivable_shipped_on() holds that day's zone as a
 * constant — immutable, so the triggers that keep the sums per day shipped and a query over a
 * million open orders date every row alike, whichever session or tool wrote it — and its comment
 * records the zone (migrations/0099).
 *
 * At a start on another zone than the function's, the function is made again for the configured
 * zone and the receivables per day shipped are summed again from open_receivables, in one
 * transaction: until then an order shipped at 20:00 UTC would have aged from the Beijing day after.
 */
export async function keepReceivableDaysOn(zone: string, sequelize: Sequelize): Promise<'unchanged' | 'remade'> {
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock($1)', { bind: [RECEIVABLE_DAY_LOCK], transaction });
    const [{ madeFor }] = await sequelize.query<{ madeFor: string | null }>(
      `SELECT obj_description('${RECEIVABLE_DAY_FUNCTION}'::regprocedure, 'pg_proc') AS "madeFor"`,
      { type: QueryTypes.SELECT, transaction },
    );
    if (madeFor === zone) return 'unchanged';
    // A zone name checked by the configuration (isTimeZone); quoted as a literal all the same.
    const literal = `'${zone.replaceAll("'", "''")}'`;
    await sequelize.query(
      `CREATE OR REPLACE FUNCTION receivable_shipped_on(shipped_at timestamptz, order_date date) RETURNS date
         LANGUAGE sql IMMUTABLE PARALLEL SAFE
         RETURN coalesce((shipped_at AT TIME ZONE ${literal})::date, order_date);
       COMMENT ON FUNCTION ${RECEIVABLE_DAY_FUNCTION} IS ${literal};
       TRUNCATE receivables_by_shipped_day;
       INSERT INTO receivables_by_shipped_day (branch_id, owner_id, shipped_on, orders, outstanding)
       SELECT r.branch_id, r.owner_id, receivable_shipped_on(r.shipped_at, r.order_date), count(*), sum(r.outstanding)
         FROM open_receivables r WHERE ${IS_RECEIVABLE}
        GROUP BY 1, 2, 3`,
      { transaction },
    );
    return 'remade';
  });
}
