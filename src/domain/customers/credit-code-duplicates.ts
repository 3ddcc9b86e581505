import { QueryTypes, type Transaction } from 'sequelize';
import { Customer } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { validCreditCode } from './credit-code.js';

export interface CustomerHoldingCode {
  id: number;
  code: string;
  name: string;
  branch: string;
  owner: string | null;
}

/**
 * The customer that already holds a credit code, whoever owns it: the code is the company's legal
 * identity, so a second record for it is a duplicate even when another representative entered the
 * first (two representatives chasing one buyer is what the check is for).
 */
export async function findCustomerByCreditCode(code: string, options: { exceptId?: number; transaction?: Transaction } = {}): Promise<CustomerHoldingCode | null> {
  const [found] = await Customer.sequelize!.query<CustomerHoldingCode>(
    `SELECT c.id, c.code, c.name, b.name AS branch, u.name AS owner
       FROM customers c JOIN branches b ON b.id = c.branch_id LEFT JOIN users u ON u.id = c.owner_id
      WHERE c.credit_code = $1 AND c.id IS DISTINCT FROM $2::integer`,
    { bind: [code, options.exceptId ?? null], type: QueryTypes.SELECT, transaction: options.transaction },
  );
  return found ?? null;
}

/**
 * A credit code entered for a new or edited customer: well formed, its check character right, and
 * no other customer's. Returns it as stored; blank is "no code" (null).
 */
export async function checkCustomerCreditCode(input: string | null | undefined, options: { exceptId?: number; transaction?: Transaction } = {}): Promise<string | null> {
  if (input === null || input === undefined || input.trim() === '') return null;
  const code = validCreditCode(input);
  const holder = await findCustomerByCreditCode(code, options);
  if (holder) {
    throw new BusinessRuleError('creditCodeTaken', { customer: `${holder.code} ${holder.name}`, branch: holder.branch, owner: holder.owner ?? '—' }, 'credit_code');
  }
  return code;
}
