import { QueryTypes } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';
import { creditStandingSql } from './credit-standing.js';

/** A customer is watched from this share of its credit limit in use. */
export const WATCH_SHARE = '0.90';

/** The condition on a credit standing (alias `s`) that puts its customer on the watch list. */
export const ON_WATCH_LIST = `s.exposure > 0 AND s.exposure >= ${WATCH_SHARE} * s.credit_limit`;

/** Highest use first, a customer owing anything without credit before all, over a standing aliased `alias`. */
export function watchOrder(alias: string): string {
  return `${alias}.credit_limit = 0 DESC, ${alias}.exposure / nullif(${alias}.credit_limit, 0) DESC NULLS LAST, ${alias}.id`;
}

/**
 * The watched customers among `customers` (the table or a scoped derived table of it), with only the
 * columns the watch compares: the scan reads the current customers' credit index (migrations/0098),
 * not their wide rows. Alias `s`: id, credit_limit, receivables, confirmed_unpaid, exposure.
 */
export function watchedCustomersSql(customers: string): string {
  return `SELECT s.id, s.credit_limit, s.receivables, s.confirmed_unpaid, s.exposure FROM ${creditStandingSql(customers)} s WHERE ${ON_WATCH_LIST}`;
}

/** The screen lists this many customers, highest use first; its summary counts them all. */
export const WATCH_LIST_SHOWN = 200;

export interface WatchedCustomer {
  customerId: number;
  code: string;
  name: string;
  owner: string | null;
  creditLimit: string;
  receivables: string;
  confirmedUnpaid: string;
  exposure: string;
  /** Credit in use as a percentage of the limit, one decimal; null for a customer without credit. */
  usagePct: string | null;
  overLimit: boolean;
}

export interface CreditWatchList {
  /** How many customers are watched, and how many of them are over their limit. */
  customers: number;
  overLimit: number;
  /** The `shown` highest uses. */
  shown: WatchedCustomer[];
}

/**
 * 信用预警: customers using 90 % or more of their credit limit (and those owing anything without
 * credit): how many, and the highest uses first. Only the customers the employee may see; each one's
 * credit counts all its orders. A large company can have tens of thousands near their limit: the
 * screen shows the first `shown`, never all of them.
 */
export async function creditWatchList(profile: AccessProfile, shown = WATCH_LIST_SHOWN): Promise<CreditWatchList> {
  const condition = rowScopeCondition(profile, 'customers');
  const watched = watchedCustomersSql(`(SELECT * FROM customers WHERE merged_into_id IS NULL${condition ? ` AND ${condition}` : ''})`);
  const sequelize = Customer.sequelize!;
  const [[counts], rows] = await Promise.all([
    sequelize.query<{ customers: number; overLimit: number }>(
      `SELECT count(*)::int AS customers, count(*) FILTER (WHERE w.exposure > w.credit_limit)::int AS "overLimit" FROM (${watched}) w`,
      { type: QueryTypes.SELECT },
    ),
    sequelize.query<WatchedCustomer>(
      `SELECT w.id AS "customerId", c.code, c.name, u.name AS owner, w.credit_limit::text AS "creditLimit",
              w.receivables::text AS receivables, w.confirmed_unpaid::text AS "confirmedUnpaid", w.exposure::text AS exposure,
              CASE WHEN w.credit_limit > 0 THEN round(100 * w.exposure / w.credit_limit, 1)::text END AS "usagePct",
              w.exposure > w.credit_limit AS "overLimit"
         FROM (${watched} ORDER BY ${watchOrder('s')} LIMIT $1) w
         JOIN customers c ON c.id = w.id
         LEFT JOIN users u ON u.id = c.owner_id
        ORDER BY ${watchOrder('w')}`,
      { bind: [shown], type: QueryTypes.SELECT },
    ),
  ]);
  return { ...counts, shown: rows };
}
