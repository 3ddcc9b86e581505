import { QueryTypes, type Transaction } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';
import { currentCustomer } from '../figures/business-figures.js';
import type { DuplicateMatch } from './duplicates.js';
import type { CheckContext, ImportRow } from './importer.js';

interface Existing {
  id: number;
  code: string;
  name: string;
  credit_code: string | null;
  branch_id: number;
  in_scope: boolean;
}

type Key = { by: DuplicateMatch['matchedBy']; value: string; lookup: string };

/**
 * Which rows of a customers file are customers already: by customer code, else by 统一社会信用代码
 * (a plain equality; its check character is validated elsewhere), else by the exact name within the
 * branch the row goes to. Against every current customer, whoever's (a representative must learn
 * that a customer exists even if it is a colleague's), and against the earlier rows of the file.
 * A row whose keys name two different customers is a problem, not a duplicate.
 */
export async function findCustomerDuplicates(rows: ImportRow[], context: CheckContext, branchOf: (row: ImportRow) => number | null): Promise<DuplicateMatch[]> {
  const keysOf = (row: ImportRow): Key[] => {
    const text = (field: string) => (typeof row.values[field] === 'string' ? row.values[field] : null);
    const code = text('code');
    const creditCode = text('credit_code');
    const name = text('name');
    const branch = branchOf(row);
    return [
      code ? { by: 'code' as const, value: code, lookup: `code:${code}` } : null,
      creditCode ? { by: 'credit_code' as const, value: creditCode, lookup: `credit:${creditCode}` } : null,
      name && branch !== null ? { by: 'name' as const, value: name, lookup: `name:${branch}:${name}` } : null,
    ].filter((key): key is Key => key !== null);
  };
  const existing = await existingCustomers(rows.flatMap(keysOf), context.profile, context.transaction);
  const firstRowOf = new Map<string, ImportRow>();
  const customerOf = new Map<ImportRow, Existing | null>();
  const matches: DuplicateMatch[] = [];
  for (const row of rows) {
    const keys = keysOf(row);
    const inDatabase = keys.flatMap((key) => (existing.has(key.lookup) ? [{ key, customer: existing.get(key.lookup)! }] : []));
    const earlier = keys.map((key) => ({ key, row: firstRowOf.get(key.lookup) })).find((found) => found.row !== undefined);
    for (const key of keys) if (!firstRowOf.has(key.lookup)) firstRowOf.set(key.lookup, row);
    const earlierCustomer = earlier ? (customerOf.get(earlier.row!) ?? null) : null;
    const named = [...inDatabase.map((found) => found.customer), ...(earlierCustomer ? [earlierCustomer] : [])];
    const other = named.find((customer) => customer.id !== named[0].id);
    if (other) {
      context.refuse(row, keys[0].by, 'importDuplicateConflict', { first: named[0].name, second: other.name });
      continue;
    }
    const customer = named[0] ?? null;
    customerOf.set(row, customer);
    const by = inDatabase[0]?.key ?? earlier?.key;
    if (!by) continue;
    matches.push({
      row: row.rowNumber,
      matchedBy: by.by,
      value: by.value,
      existing: customer ? { id: customer.id, code: customer.code, name: customer.name, inScope: customer.in_scope } : null,
      earlierRow: earlier?.row?.rowNumber ?? null,
    });
  }
  return matches;
}

/** The current customers any of the keys name, each key once. */
async function existingCustomers(keys: Key[], profile: AccessProfile, transaction: Transaction | undefined): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  if (keys.length === 0) return found;
  const values = (by: Key['by']) => [...new Set(keys.filter((key) => key.by === by).map((key) => key.lookup))];
  const names = values('name').map((lookup) => lookup.split(':'));
  const scope = rowScopeCondition(profile, 'customers');
  const rows = await Customer.sequelize!.query<Existing>(
    `SELECT id, code, name, credit_code, branch_id, ${scope ?? 'true'} AS in_scope
       FROM customers
      WHERE ${currentCustomer()}
        AND (code = ANY($1::text[]) OR credit_code = ANY($2::text[])
             OR (branch_id, name) IN (SELECT * FROM unnest($3::int[], $4::text[])))
      ORDER BY id`,
    {
      bind: [
        values('code').map((lookup) => lookup.slice('code:'.length)),
        values('credit_code').map((lookup) => lookup.slice('credit:'.length)),
        names.map(([, branch]) => Number(branch)),
        names.map(([, , ...name]) => name.join(':')),
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  for (const customer of rows) {
    for (const lookup of [`code:${customer.code}`, customer.credit_code ? `credit:${customer.credit_code}` : null, `name:${customer.branch_id}:${customer.name}`]) {
      // Two customers of one name in a branch: the oldest is the one the file means.
      if (lookup && !found.has(lookup)) found.set(lookup, customer);
    }
  }
  return found;
}
