import type { CUSTOMER_STATUSES } from '../../models/customer.model.js';

/**
 * The assumptions behind expected margin (the customer lifetime value model of the petroleum-sales
 * theses: margin × retention ÷ (1 + discount − retention), per year):
 * - retention: the chance a customer still buys next year, by churn state — an at-risk customer has
 *   stopped ordering for a while, a churned one has gone, a prospect has no rhythm yet;
 * - discount: what a yuan of margin a year from now is worth today (the company's cost of capital);
 * - the rhythm is read from the customer's last orders (at most this many gaps between them), and a
 *   customer is not expected to order more often than weekly.
 */
export const RETENTION_BY_STATUS: Record<(typeof CUSTOMER_STATUSES)[number], string> = {
  prospect: '0',
  active: '0.80',
  at_risk: '0.40',
  churned: '0',
};

export const ANNUAL_DISCOUNT_RATE = '0.10';
export const RHYTHM_GAPS = 10;
export const MOST_ORDERS_PER_YEAR = 52;
