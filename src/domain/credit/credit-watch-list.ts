import { QueryTypes } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';
import { creditStandingSql } from './credit-standing.js';
import { currentCustomer } from '../figures/business-figures.js';

/** A customer is watched from this share of its credit limit in use. */
export const WATCH_SHARE = '0.90';

/** The condition on a credit standing (alias `s`) that puts its customer on the watch list. */
export const ON_WATCH_LIST = `s.exposure > 0 AND s.exposure >= ${WATCH_SHARE} * s.credit_limit`;

/** Highest use first, a customer owing anything without credit before all, over a standing aliased `alias`. */
export function watchOrder(alias: string): string {
  return `${alias}.credit_limit = 0 DESC, ${alias}.exposure / nullif(${alias}.credit_limit, 0) DESC NULLS LAST, ${alias}.id`;
}

/** Credit in use as a percentage of the limit, one decimal, as text; NULL without credit. */
export function usagePctSql(alias: string): string {
  return `CASE WHEN ${alias}.credit_limit > 0 THEN round(100 * ${alias}.exposure / ${alias}.credit_limit, 1)::text END`;
}

/**
 * The watched customers among `customers` (the table or a scoped derived table of it), with only the
 * columns the watch compares: the scan reads the current customers' credit index (migrations/0098),
 * not their wide rows. Alias `s`: id, credit_limit, receivables, confirmed_unpaid, exposure.
 */
function watchedCustomersSql(customers: string): string {
  return `SELECT s.id, s.credit_limit, s.receivables, s.confirmed_unpaid, s.exposure FROM ${creditStandingSql(customers)} s WHERE ${ON_WATCH_LIST}`;
}

/** One row: how many of `customers` are watched (`customers`) and how many of them are over their limit (`overLimit`). */
export function watchCountsSql(customers: string): string {
  return `SELECT count(*)::int AS customers, count(*) FILTER (WHERE w.exposure > w.credit_limit)::int AS "overLimit" FROM (${watchedCustomersSql(customers)}) w`;
}

/** A derived table of the `limit` highest uses among `customers` (columns as watchedCustomersSql's); the caller orders it again by watchOrder and joins the names it shows. */
export function highestUsesSql(customers: string, limit: number): string {
  return `(${watchedCustomersSql(customers)} ORDER BY ${watchOrder('s')} LIMIT ${Math.trunc(limit)})`;
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
  const customers = `(SELECT * FROM customers WHERE ${currentCustomer()}${condition ? ` AND ${condition}` : ''})`;
  const sequelize = Customer.sequelize!;
  const [[counts], rows] = await Promise.all([
    sequelize.query<{ customers: number; overLimit: number }>(watchCountsSql(customers), { type: QueryTypes.SELECT }),
    sequelize.query<WatchedCustomer>(
      `SELECT w.id AS "customerId", c.code, c.name, u.name AS owner, w.credit_limit::text AS "creditLimit",
              w.receivables::text AS receivables, w.confirmed_unpaid::text AS "confirmedUnpaid", w.exposure::text AS exposure,
              ${usagePctSql('w')} AS "usagePct", w.exposure > w.credit_limit AS "overLimit"
         FROM ${highestUsesSql(customers, shown)} w
         JOIN customers c ON c.id = w.id
         LEFT JOIN users u ON u.id = c.owner_id
        ORDER BY ${watchOrder('w')}`,
      { type: QueryTypes.SELECT },
    ),
  ]);
  return { ...counts, shown: rows };
}
