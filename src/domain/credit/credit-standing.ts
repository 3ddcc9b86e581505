import { QueryTypes, type Transaction } from 'sequelize';
import { Customer } from '../../models/index.js';

/** A customer's credit as it stands: what it may owe, and what it owes or has been promised. */
export interface CreditStanding {
  customerId: number;
  customerCode: string;
  customerName: string;
  creditLimit: string;
  /** Shipped and not (fully) paid. */
  receivables: string;
  /** Confirmed, not shipped, not (fully) paid. */
  confirmedUnpaid: string;
  /** receivables + confirmedUnpaid: the credit in use (信用占用). */
  exposure: string;
}

/**
 * Per customer: id, code, name, owner_id, branch_id, credit_limit, receivables, confirmed_unpaid
 * and exposure, over `customers` (the table or a scoped derived table of it). A customer's credit
 * counts all its orders, whoever owns them: the sums of its open receivables (receivables.ts), kept
 * per customer in customer_balances by the same triggers (migrations/0092).
 */
export function creditStandingSql(customers = 'customers'): string {
  return `(SELECT c.id, c.code, c.name, c.owner_id, c.branch_id, c.credit_limit,
                  coalesce(b.receivables, 0)::numeric(16,2) AS receivables,
                  coalesce(b.confirmed_unpaid, 0)::numeric(16,2) AS confirmed_unpaid,
                  coalesce(b.receivables + b.confirmed_unpaid, 0)::numeric(16,2) AS exposure
             FROM ${customers} c
             LEFT JOIN customer_balances b ON b.customer_id = c.id)`;
}

export async function readCreditStanding(customerId: number, transaction?: Transaction): Promise<CreditStanding> {
  const [row] = await Customer.sequelize!.query<CreditStanding>(
    `SELECT s.id AS "customerId", s.code AS "customerCode", s.name AS "customerName", s.credit_limit::text AS "creditLimit",
            s.receivables::text AS receivables, s.confirmed_unpaid::text AS "confirmedUnpaid", s.exposure::text AS exposure
       FROM ${creditStandingSql('(SELECT * FROM customers WHERE id = $1)')} s`,
    { bind: [customerId], type: QueryTypes.SELECT, transaction },
  );
  if (!row) throw new Error(`no customer ${customerId}`);
  return row;
}
