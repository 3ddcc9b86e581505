import { QueryTypes } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';
import { creditStandingSql } from './credit-standing.js';

/** A customer is watched from this share of its credit limit in use. */
export const WATCH_SHARE = '0.90';

/** The condition on a credit standing (alias `s`) that puts its customer on the watch list. */
export const ON_WATCH_LIST = `s.exposure > 0 AND s.exposure >= ${WATCH_SHARE} * s.credit_limit`;

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

/**
 * 信用预警: customers using 90 % or more of their credit limit (and those owing anything without
 * credit), highest use first. Only the customers the employee may see; each one's credit counts
 * all its orders.
 */
export async function creditWatchList(profile: AccessProfile): Promise<WatchedCustomer[]> {
  const condition = rowScopeCondition(profile, 'customers');
  const customers = condition ? `(SELECT * FROM customers WHERE ${condition})` : 'customers';
  return Customer.sequelize!.query<WatchedCustomer>(
    `SELECT s.id AS "customerId", s.code, s.name, u.name AS owner, s.credit_limit::text AS "creditLimit",
            s.receivables::text AS receivables, s.confirmed_unpaid::text AS "confirmedUnpaid", s.exposure::text AS exposure,
            CASE WHEN s.credit_limit > 0 THEN round(100 * s.exposure / s.credit_limit, 1)::text END AS "usagePct",
            s.exposure > s.credit_limit AS "overLimit"
       FROM ${creditStandingSql(customers)} s LEFT JOIN users u ON u.id = s.owner_id
      WHERE ${ON_WATCH_LIST}
      ORDER BY s.credit_limit = 0 DESC, s.exposure / nullif(s.credit_limit, 0) DESC NULLS LAST, s.id`,
    { type: QueryTypes.SELECT },
  );
}
