import { Sequelize } from 'sequelize';
import pg from 'pg';
import { businessTimeZone } from '../clock/business-clock.js';

// A DATE column stays the calendar day it is ('2026-11-24'): parsed into a JS Date it would shift by
// the server's time zone. NUMERIC stays a string from pg, which keeps money exact.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createSequelize(databaseUrl: string, options: { logSql?: boolean; poolSize?: number } = {}): Sequelize {
  return new Sequelize(databaseUrl, {
    dialect: 'postgres',
    dialectModule: pg,
    logging: options.logSql ? (sql) => console.log(sql) : false,
    // Each session runs on the business clock: current_date, a timestamptz cast to a date and a
    // day written without an offset all mean the company's day, not the database server's.
    timezone: businessTimeZone(),
    pool: { max: options.poolSize ?? 10, min: 0, idle: 10_000, acquire: 60_000 },
    // pg_stat_activity names the process holding each connection: with several instances or
    // WEB_CONCURRENCY processes, an operator sees whose queries run (and can end them).
    dialectOptions: { application_name: applicationName() },
    define: {
      // A scope's WHERE (the row scope) is ANDed with the query's own, never overwritten by it.
      whereMergeStrategy: 'and',
      underscored: true,
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  });
}

/** PetroCRM and the process id: at most 63 bytes, PostgreSQL's limit for application_name. */
export function applicationName(pid: number = process.pid): string {
  return `petrocrm pid ${pid}`;
}
