import { Branch, Customer, User } from '../../models/index.js';
import { CREDIT_RATINGS, CUSTOMER_STATUSES, CUSTOMER_TYPES, REGIONS } from '../../models/customer.model.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { permissionOn } from '../../access/authorisation/can.js';
import { isReadable } from '../../access/authorisation/field-policy.js';
import { maxLengthOf } from './transfer-columns.js';
import { choiceField, codeField, creditCodeField, decimalField, emailField, referenceField, textField } from './import-fields.js';
import { resolveReferences, type ImportRow, type Importer } from './importer.js';
import { insertImportedRows } from './insert-imported-rows.js';
import { findCustomerDuplicates } from './customer-duplicates.js';
import { updateImportedCustomers } from './update-imported-customers.js';

const RESOURCE = 'customers';
const max = (field: string) => maxLengthOf(Customer, field);

/** Only a role that sees every customer chooses owner and branch; anyone else imports customers of their own. */
const choosesOwnership = (profile: AccessProfile) => permissionOn(profile, RESOURCE).scope === 'all';

/**
 * 客户导入. The code is generated when left blank. A row that is a customer already — the same code,
 * 统一社会信用代码, or name in the same branch — or repeats an earlier row is a duplicate: the preview
 * lists them and the employee skips them or updates the customers with them (findCustomerDuplicates).
 * Grade, RFM scores and revenue are computed by the customer analysis, never imported.
 */
export const customerImporter: Importer = {
  resourceId: RESOURCE,

  fields: (profile) =>
    [
      codeField('code', max('code')!),
      textField('name', { required: true, max: max('name') }),
      choiceField(RESOURCE, 'customer_type', CUSTOMER_TYPES, { required: true }),
      textField('industry', { max: max('industry') }),
      choiceField(RESOURCE, 'region', REGIONS, { required: true }),
      textField('province', { max: max('province') }),
      textField('city', { max: max('city') }),
      textField('address'),
      creditCodeField('credit_code'),
      textField('phone', { max: max('phone') }),
      emailField('email', max('email')!),
      decimalField('credit_limit', { scale: 2 }),
      choiceField(RESOURCE, 'credit_rating', CREDIT_RATINGS),
      choiceField(RESOURCE, 'status', CUSTOMER_STATUSES),
      ...(choosesOwnership(profile)
        ? [referenceField('owner_id', { hint: 'importHintOwner' }), referenceField('branch_id', { hint: 'importHintBranch' })]
        : []),
      textField('notes'),
    ].filter((field) => isReadable(profile, RESOURCE, field.name)),

  async check(rows, context) {
    if (choosesOwnership(context.profile)) {
      await resolveReferences(rows, 'owner_id', User, context);
      await resolveReferences(rows, 'branch_id', Branch, context);
    }
    // A customer belongs to a branch; by default the importer's own, and an employee may have none.
    if (context.profile.branchId === null) {
      for (const row of rows) if (row.values.branch_id == null) context.refuse(row, 'branch_id', 'importRequired');
    }
  },

  findDuplicates: (rows, context) => findCustomerDuplicates(rows, context, (row) => branchOf(row, context.profile)),

  async write(rows, context) {
    const { profile, duplicateMode } = context;
    const own = !choosesOwnership(profile);
    const matchOf = new Map(context.duplicates.map((match) => [match.row, match]));
    const fresh = rows.filter((row) => !matchOf.has(row.rowNumber));
    const updating = duplicateMode === 'update' ? rows.filter((row) => matchOf.has(row.rowNumber)) : [];
    // A repeat of a new row fills in that row before it is inserted; a row that is a customer updates it.
    const byNumber = new Map(fresh.map((row) => [row.rowNumber, row]));
    for (const row of updating.filter((candidate) => !matchOf.get(candidate.rowNumber)!.existing)) {
      const first = byNumber.get(matchOf.get(row.rowNumber)!.earlierRow!);
      if (first) first.values = { ...first.values, ...filledIn(row) };
    }
    await insertImportedRows(
      Customer,
      fresh.map((row) => ({
        ...row.values,
        owner_id: own ? profile.userId : (row.values.owner_id ?? profile.userId),
        branch_id: branchOf(row, profile),
      })),
      context,
    );
    const updates = updating.filter((row) => matchOf.get(row.rowNumber)!.existing).map((row) => ({ customerId: matchOf.get(row.rowNumber)!.existing!.id, values: filledIn(row, own) }));
    await updateImportedCustomers(updates, context, fresh.length);
    return { created: fresh.length, updated: updates.length, skipped: rows.length - fresh.length - updating.length };
  },
};

/** The branch a row's customer belongs to: the one the file names when the role chooses, else the importer's. */
function branchOf(row: ImportRow, profile: AccessProfile): number | null {
  const named = row.values.branch_id;
  return choosesOwnership(profile) && typeof named === 'number' ? named : profile.branchId;
}

/** What a duplicate row says: its filled-in cells, never the code it was matched by, nor whose it is for a role that may not choose. */
function filledIn(row: ImportRow, own = false): Record<string, unknown> {
  const skipped = new Set(['code', ...(own ? ['owner_id', 'branch_id'] : [])]);
  return Object.fromEntries(Object.entries(row.values).filter(([field, value]) => value !== null && value !== undefined && !skipped.has(field)));
}
